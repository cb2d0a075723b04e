using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace ServerlessDeploy.Core.Rollouts;

/// <summary>What hashing a Rollout's pod template came to.</summary>
internal abstract record PodTemplateHashOutcome
{
    private PodTemplateHashOutcome()
    {
    }

    /// <summary>The <c>rollouts-pod-template-hash</c> Argo Rollouts would give this template, and the Go JSON it hashed.</summary>
    public sealed record Computed(string Hash, string GoJson) : PodTemplateHashOutcome;

    /// <summary>We cannot reproduce Go's JSON for the field at <paramref name="Path"/>, so we give no hash rather than a wrong one.</summary>
    public sealed record Inexact(string Path, string Reason) : PodTemplateHashOutcome;
}

/// <summary>
/// The <c>rollouts-pod-template-hash</c> of a Rollout's <c>spec.template</c>, as Argo Rollouts computes it
/// (utils/hash ComputePodTemplateHash): FNV-1a 32 over Go's JSON of the template, followed — when
/// <c>status.collisionCount</c> is set — by the count as 4 little-endian bytes padded to 8, and the decimal of the sum
/// mapped through Kubernetes' "safe" alphabet so the label never spells a word. It names the ReplicaSet
/// (<c>&lt;rollout&gt;-&lt;hash&gt;</c>) and goes into its labels and selector.
/// </summary>
internal static class PodTemplateHash
{
    private const string SafeAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    public static PodTemplateHashOutcome Compute(JsonObject template, int? collisionCount, ArgoRolloutsLine line = ArgoRolloutsLine.V19) =>
        GoTemplateJson.Write(template, GoLayout.For(line)) switch
        {
            GoJsonOutcome.Written written => new PodTemplateHashOutcome.Computed(Of(written.Json, collisionCount), written.Json),
            GoJsonOutcome.Inexact inexact => new PodTemplateHashOutcome.Inexact(inexact.Path, inexact.Reason),
            _ => throw new InvalidOperationException("unreachable"),
        };

    /// <summary>The hash of Go JSON already written: FNV-1a 32, collision count, safe encoding.</summary>
    public static string Of(string goJson, int? collisionCount)
    {
        var hash = Fnv1a(2166136261u, Encoding.UTF8.GetBytes(goJson));
        if (collisionCount is { } count)
        {
            var bytes = new byte[8];
            BinaryPrimitives.WriteUInt32LittleEndian(bytes, unchecked((uint)count));
            hash = Fnv1a(hash, bytes);
        }

        var digits = hash.ToString(CultureInfo.InvariantCulture);
        return string.Create(digits.Length, digits, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = SafeAlphabet[source[i] % SafeAlphabet.Length];
            }
        });
    }

    private static uint Fnv1a(uint hash, ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return hash;
    }
}
