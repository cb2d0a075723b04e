using System.Globalization;
using System.Text.Json.Nodes;

namespace ServerlessDeploy.Core.Rollouts;

/// <summary>
/// Signs that a real Argo Rollouts controller is active, in which case we must not drive the Rollout: two controllers
/// writing one Rollout fight and loop (argo-rollouts #2522). The evidence is its leader-election Lease
/// (<c>argo-rollouts-controller-lock</c>, or <c>…-lock-&lt;instanceID&gt;</c>) renewed within its lease duration, or
/// the controller's field manager <c>rollouts-controller</c> in the Rollout's managedFields.
/// </summary>
internal static class RolloutsControllerEvidence
{
    public const string LeaseName = "argo-rollouts-controller-lock";
    public const string FieldManager = "rollouts-controller";

    /// <summary>Argo Rollouts' default leader-election lease duration, for a Lease that does not state its own.</summary>
    private static readonly TimeSpan DefaultLeaseDuration = TimeSpan.FromSeconds(15);

    /// <summary>The evidence found, named so a person can check it; null when there is none.</summary>
    public static string? Find(JsonObject rollout, IEnumerable<JsonObject> leases, DateTimeOffset now)
    {
        var found = leases.Select(lease => RenewedLease(lease, now)).OfType<string>().ToList();
        if (ManagedByController(rollout))
        {
            found.Add($"its metadata.managedFields has fields written by \"{FieldManager}\", the Argo Rollouts controller's field manager");
        }

        if (found.Count == 0)
        {
            return null;
        }

        var name = $"{rollout["metadata"]?["namespace"]}/{rollout["metadata"]?["name"]}";
        return $"an Argo Rollouts controller is active on this cluster, so Rollout {name} is left to it: {string.Join("; ", found)}";
    }

    private static string? RenewedLease(JsonObject lease, DateTimeOffset now)
    {
        var name = lease["metadata"]?["name"]?.ToString() ?? "";
        if (name != LeaseName && !name.StartsWith($"{LeaseName}-", StringComparison.Ordinal))
        {
            return null;
        }

        var spec = lease["spec"];
        if (!DateTimeOffset.TryParse(spec?["renewTime"]?.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var renewed))
        {
            return null;
        }

        var duration = RolloutJson.Int(spec?["leaseDurationSeconds"]) is { } seconds ? TimeSpan.FromSeconds(seconds) : DefaultLeaseDuration;
        return renewed + duration < now
            ? null
            : $"Lease {lease["metadata"]?["namespace"]}/{name} held by \"{spec?["holderIdentity"]}\" was renewed at {renewed.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ} (lease duration {duration.TotalSeconds:0} s)";
    }

    private static bool ManagedByController(JsonObject rollout) =>
        (rollout["metadata"]?["managedFields"] as JsonArray ?? []).Any(entry => entry?["manager"]?.ToString() == FieldManager);
}
