using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Cluster;

namespace ServerlessDeploy.Core.Rollouts;

/// <summary>
/// Makes the reconciler's writes in its order, all as <see cref="FieldManager"/> and never as the sync's manager, so
/// the convergence rule (fields the sync owns that Git lacks are drift) never strips what a rollout wrote. The status
/// goes through the status subresource as a merge patch of the difference, conditional on the Rollout's version, so
/// a patch someone made meanwhile (an abort, a promotion) is never written over: the write conflicts and the Rollout
/// is looked at again.
/// </summary>
internal sealed class RolloutWriter(IClusterClient cluster, RolloutTypes types)
{
    public const string FieldManager = "serverless-deploy-rollouts";

    /// <returns>Whether every write was made, or why the writing stopped; and an eviction a PodDisruptionBudget refused, if one was.</returns>
    public async Task<RolloutWritten> WriteAsync(JsonObject rollout, IEnumerable<RolloutWrite> writes, CancellationToken cancellationToken)
    {
        var ns = RolloutJson.Text(rollout["metadata"]?["namespace"]);
        var name = RolloutJson.Text(rollout["metadata"]?["name"]);
        var current = rollout;
        string? refused = null;
        foreach (var write in writes)
        {
            if (write is RolloutWrite.EvictPods evict)
            {
                var evicted = await EvictAsync(ns, evict, cancellationToken);
                refused ??= evicted.Refused;
                if (evicted.Stop is { } failed)
                {
                    return new RolloutWritten(failed, refused);
                }

                continue;
            }

            var (response, what) = await SendAsync(write, current, ns, name, cancellationToken);
            if (response.StatusCode == 409)
            {
                return new RolloutWritten(new RolloutWriteStop(true, $"{what}: {response}"), refused);
            }

            // Something deleted already is as good as deleted.
            if (!response.Succeeded && !(write is RolloutWrite.DeleteReplicaSet && response.NotFound))
            {
                return new RolloutWritten(new RolloutWriteStop(false, $"{what} failed: {response}"), refused);
            }

            if (write is RolloutWrite.SetRolloutRevision or RolloutWrite.SetRolloutReplicas or RolloutWrite.WriteRolloutStatus && response.Body is { } updated)
            {
                current = updated;
            }
        }

        return new RolloutWritten(null, refused);
    }

    /// <summary>
    /// restart.go's loop: pods evicted in order until the budget is spent; a 429 (a PodDisruptionBudget) passes the pod
    /// over, any other failure stops. A pod already gone spends the budget as an evicted one would: it is being replaced.
    /// </summary>
    private async Task<(RolloutWriteStop? Stop, string? Refused)> EvictAsync(string ns, RolloutWrite.EvictPods evict, CancellationToken cancellationToken)
    {
        var (budget, refused) = (evict.Budget, (string?)null);
        foreach (var pod in evict.Pods)
        {
            if (budget <= 0)
            {
                break;
            }

            var response = await cluster.EvictAsync(ns, pod, cancellationToken);
            if (response.TooManyRequests)
            {
                refused ??= $"evicting pod {ns}/{pod}: {response.Message}";
                continue;
            }

            if (!response.Succeeded && !response.NotFound)
            {
                return (new RolloutWriteStop(false, $"restarting pod {ns}/{pod} failed: {response}"), refused);
            }

            budget--;
        }

        return (null, refused);
    }

    private async Task<(ClusterResponse Response, string What)> SendAsync(RolloutWrite write, JsonObject rollout, string ns, string name, CancellationToken cancellationToken)
    {
        switch (write)
        {
            case RolloutWrite.CreateReplicaSet create:
                var rsName = RolloutJson.Text(create.ReplicaSet["metadata"]?["name"]);
                return (await cluster.ApplyAsync(types.ReplicaSet, create.ReplicaSet, new ApplyOptions(FieldManager: FieldManager), cancellationToken), $"creating ReplicaSet {ns}/{rsName}");
            case RolloutWrite.ScaleReplicaSet scale:
                var scalePatch = Patch(Annotations((ObservedReplicaSet.DesiredReplicasAnnotation, RolloutJson.Number(scale.DesiredReplicasAnnotation))), new JsonObject { ["replicas"] = scale.Replicas });
                return (await PatchAsync(types.ReplicaSet, ns, scale.Name, scalePatch, null, cancellationToken), $"scaling ReplicaSet {ns}/{scale.Name} to {scale.Replicas}");
            case RolloutWrite.AnnotateReplicaSet annotate:
                var annotatePatch = Patch(Annotations([.. annotate.Annotations.Select(a => (a.Key, a.Value))]), null);
                return (await PatchAsync(types.ReplicaSet, ns, annotate.Name, annotatePatch, null, cancellationToken), $"annotating ReplicaSet {ns}/{annotate.Name}");
            case RolloutWrite.DeleteReplicaSet delete:
                return (await cluster.DeleteAsync(types.ReplicaSet, ns, delete.Name, "Background", cancellationToken), $"deleting ReplicaSet {ns}/{delete.Name}");
            case RolloutWrite.PatchServiceSelector service:
                var selectorPatch = Patch(Annotations((RolloutReconcilePass.ManagedByAnnotation, service.Rollout)), new JsonObject { ["selector"] = new JsonObject { [ObservedReplicaSet.HashLabel] = service.Hash } });
                return (await PatchAsync(types.Service, ns, service.Service, selectorPatch, null, cancellationToken), $"switching Service {ns}/{service.Service} to {service.Hash}");
            case RolloutWrite.SetRolloutRevision revision:
                var revisionPatch = Patch(Annotations((ObservedReplicaSet.RevisionAnnotation, RolloutJson.Number(revision.Revision))), null);
                return (await PatchAsync(types.Rollout, ns, name, revisionPatch, null, cancellationToken), $"setting the revision of Rollout {ns}/{name}");
            case RolloutWrite.SetRolloutReplicas replicas:
                var replicasPatch = Patch(null, new JsonObject { ["replicas"] = replicas.Replicas });
                return (await PatchAsync(types.Rollout, ns, name, replicasPatch, null, cancellationToken), $"setting spec.replicas of Rollout {ns}/{name}");
            case RolloutWrite.WriteRolloutStatus status:
                var statusPatch = new JsonObject
                {
                    ["metadata"] = new JsonObject { ["resourceVersion"] = RolloutJson.Text(rollout["metadata"]?["resourceVersion"]) },
                    ["status"] = StatusPatch(rollout["status"] as JsonObject, status.Status),
                };
                return (await PatchAsync(types.Rollout, ns, name, statusPatch, "status", cancellationToken), $"writing the status of Rollout {ns}/{name}");
            default:
                throw new InvalidOperationException($"no write for {write.GetType().Name}");
        }
    }

    /// <summary>
    /// The change of the fields the reconciler models; the rest of a live status (canary weights, an ALB's status) is
    /// left as it is, and the empty canary and blueGreen objects Go writes are added only where missing.
    /// </summary>
    private static JsonObject StatusPatch(JsonObject? live, JsonObject written)
    {
        var modeled = new JsonObject();
        foreach (var (key, value) in live ?? [])
        {
            if (RolloutStatusState.Fields.Contains(key))
            {
                modeled[key] = value?.DeepClone();
            }
        }

        var patch = MergePatchDiff.Between(modeled, written);
        foreach (var kept in (string[])["canary", "blueGreen"])
        {
            if (live?.ContainsKey(kept) == true)
            {
                patch.Remove(kept);
            }
        }

        return patch;
    }

    private Task<ClusterResponse> PatchAsync(ClusterResourceType type, string ns, string name, JsonObject patch, string? subresource, CancellationToken cancellationToken) =>
        cluster.MergePatchAsync(type, ns, name, patch, FieldManager, subresource, cancellationToken);

    private static JsonObject Patch(JsonObject? annotations, JsonObject? spec)
    {
        var patch = new JsonObject();
        if (annotations is not null)
        {
            patch["metadata"] = new JsonObject { ["annotations"] = annotations };
        }

        if (spec is not null)
        {
            patch["spec"] = spec;
        }

        return patch;
    }

    private static JsonObject Annotations(params (string Key, string Value)[] annotations)
    {
        var result = new JsonObject();
        foreach (var (key, value) in annotations)
        {
            result[key] = value;
        }

        return result;
    }
}
