namespace ServerlessDeploy.Core.Rollouts;

/// <summary>
/// After a PodDisruptionBudget refused an eviction, no pod is evicted again until the Rollout's ReplicaSets change (a
/// pod gone or ready changes their status) or 30 s pass: when Argo's controller would try again, on its ReplicaSet
/// informer or restart.go's requeue (restartPodCheckTime). A refusal is never retried in a busy loop.
/// </summary>
/// <param name="Reason">The refusal, as the API server put it.</param>
internal sealed record EvictionHold(DateTimeOffset Until, string ReplicaSets, string Reason)
{
    private static readonly TimeSpan RestartPodCheck = TimeSpan.FromSeconds(30);

    public static EvictionHold After(RolloutObservation observation, DateTimeOffset now, string reason) =>
        new(now + RestartPodCheck, Versions(observation), reason);

    public bool Holds(RolloutObservation observation, DateTimeOffset now) => now < Until && Versions(observation) == ReplicaSets;

    private static string Versions(RolloutObservation observation) =>
        string.Join(",", observation.ReplicaSets.Select(rs => $"{RolloutJson.Text(rs["metadata"]?["name"])}={RolloutJson.Text(rs["metadata"]?["resourceVersion"])}").Order(StringComparer.Ordinal));
}
