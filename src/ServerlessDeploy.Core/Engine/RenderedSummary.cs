using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Resources;

namespace ServerlessDeploy.Core.Engine;

/// <summary>
/// What a sync's history entry keeps of the rendered manifests: the images they run and one digest over all of them,
/// so a rollback can tell it rendered the same thing again.
/// </summary>
internal static class RenderedSummary
{
    /// <summary>Every container and init container image, sorted and without repeats.</summary>
    public static IReadOnlyList<string> Images(IEnumerable<Manifest> manifests) =>
        manifests.SelectMany(m => Containers.Of(m.Json)).Select(c => c["image"]).OfType<JsonValue>().Select(i => i.ToString()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary>SHA-256 over the manifests in key order, each as compact JSON: independent of render order.</summary>
    public static string Digest(IEnumerable<Manifest> manifests)
    {
        var text = string.Join('\n', manifests.Select(m => m.Json.ToJsonString()).Order(StringComparer.Ordinal));
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
