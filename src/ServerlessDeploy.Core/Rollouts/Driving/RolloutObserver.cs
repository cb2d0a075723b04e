using System.Collections.Immutable;
using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Cluster;

namespace ServerlessDeploy.Core.Rollouts;

/// <summary>
/// Reads what the reconciler sees of one Rollout, as Argo's informers would hold it: the Rollout, the ReplicaSets it
/// controls (owner reference to its uid), the Services its canary strategy names, and, while a restart is pending, the
/// pods of those ReplicaSets.
/// </summary>
internal sealed class RolloutObserver(IClusterClient cluster, RolloutTypes types)
{
    public async Task<RolloutLook> LookAsync(string ns, string name, CancellationToken cancellationToken)
    {
        var read = await cluster.GetAsync(types.Rollout, ns, name, cancellationToken);
        if (!read.Succeeded || read.Body is not { } rollout)
        {
            return RolloutLook.Failed(read.NotFound ? $"Rollout {ns}/{name} does not exist" : $"reading Rollout {ns}/{name} failed: {read}");
        }

        var spec = RolloutSpecReader.Read(rollout);
        if (!spec.IsValid)
        {
            return RolloutLook.Failed($"Rollout {ns}/{name} cannot be driven: {spec.Error}");
        }

        var uid = RolloutJson.Text(rollout["metadata"]?["uid"]);
        // The Rollout's selector narrows the list; one that cannot be written as a label selector lists them all.
        var selector = LabelSelectorFormat.Format(spec.Spec.Selector);
        var labelSelector = selector.StartsWith('<') ? null : selector;
        var listed = await cluster.ListAsync(types.ReplicaSet, ns, labelSelector, cancellationToken);
        if (!listed.Succeeded)
        {
            return RolloutLook.Failed($"listing the ReplicaSets of Rollout {ns}/{name} failed: {listed}");
        }

        var owned = (listed.Body?["items"] as JsonArray ?? []).OfType<JsonObject>().Where(rs => ControlledBy(rs, uid)).ToImmutableArray();
        var services = ImmutableArray.CreateBuilder<JsonObject>();
        foreach (var service in new[] { spec.Spec.Canary.CanaryService, spec.Spec.Canary.StableService }.OfType<string>().Distinct(StringComparer.Ordinal))
        {
            var got = await cluster.GetAsync(types.Service, ns, service, cancellationToken);
            if (got.Succeeded && got.Body is { } found)
            {
                services.Add(found);
            }
            else if (!got.NotFound)
            {
                return RolloutLook.Failed($"reading Service {ns}/{service} failed: {got}");
            }
        }

        var pods = await PodsAsync(ns, name, labelSelector, spec.Spec, rollout, owned, cancellationToken);
        return pods.Problem is { } podsProblem
            ? RolloutLook.Failed(podsProblem)
            : RolloutLook.Of(new RolloutObservation(rollout, spec.Spec, owned, services.ToImmutable(), pods.Pods));
    }

    /// <summary>getRolloutPods: the pods under the Rollout's selector owned by one of its ReplicaSets; none asked for when no restart is pending.</summary>
    private async Task<(ImmutableArray<JsonObject> Pods, string? Problem)> PodsAsync(
        string ns, string name, string? labelSelector, RolloutSpec spec, JsonObject rollout, ImmutableArray<JsonObject> owned, CancellationToken cancellationToken)
    {
        if (spec.RestartAt is not { } restartAt || restartAt == RolloutJson.Time(rollout["status"]?["restartedAt"]))
        {
            return ([], null);
        }

        var listed = await cluster.ListAsync(types.Pod, ns, labelSelector, cancellationToken);
        if (!listed.Succeeded)
        {
            return ([], $"listing the pods of Rollout {ns}/{name} failed: {listed}");
        }

        var uids = owned.Select(rs => RolloutJson.Text(rs["metadata"]?["uid"])).ToHashSet(StringComparer.Ordinal);
        var pods = (listed.Body?["items"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(pod => (pod["metadata"]?["ownerReferences"] as JsonArray ?? []).OfType<JsonObject>().Any(owner => uids.Contains(RolloutJson.Text(owner["uid"]))));
        return ([.. pods], null);
    }

    private static bool ControlledBy(JsonObject replicaSet, string uid) =>
        (replicaSet["metadata"]?["ownerReferences"] as JsonArray ?? []).OfType<JsonObject>()
            .Any(owner => RolloutJson.Text(owner["uid"]) == uid && RolloutJson.Bool(owner["controller"]));
}
