using ServerlessDeploy.Core.Cluster;

namespace ServerlessDeploy.Core.Rollouts;

/// <summary>The served types a Rollout is driven through: the Rollout itself, its ReplicaSets, their pods and its Services.</summary>
internal sealed record RolloutTypes(ClusterResourceType Rollout, ClusterResourceType ReplicaSet, ClusterResourceType Pod, ClusterResourceType Service, ClusterResourceType? Lease)
{
    public const string ApiVersion = "argoproj.io/v1alpha1";
    public const string Kind = "Rollout";

    /// <summary>The types, or why they cannot be used: discovery unreadable, or the cluster serving no Rollout kind.</summary>
    public static async Task<(RolloutTypes? Types, string? Problem)> FindAsync(IClusterClient cluster, CancellationToken cancellationToken)
    {
        var rollout = await cluster.FindTypeAsync(ApiVersion, Kind, cancellationToken);
        var replicaSet = await cluster.FindTypeAsync("apps/v1", "ReplicaSet", cancellationToken);
        var pod = await cluster.FindTypeAsync("v1", "Pod", cancellationToken);
        var service = await cluster.FindTypeAsync("v1", "Service", cancellationToken);
        var lease = await cluster.FindTypeAsync("coordination.k8s.io/v1", "Lease", cancellationToken);
        if (new[] { rollout, replicaSet, pod, service, lease }.FirstOrDefault(l => l.Unreadable is not null) is { Unreadable: { } unreadable })
        {
            return (null, unreadable);
        }

        if (rollout.Type is null)
        {
            return (null, $"the cluster serves no {ApiVersion} {Kind}");
        }

        return replicaSet.Type is null || pod.Type is null || service.Type is null
            ? (null, "the cluster serves no apps/v1 ReplicaSet, v1 Pod or v1 Service")
            : (new RolloutTypes(rollout.Type, replicaSet.Type, pod.Type, service.Type, lease.Type), null);
    }
}
