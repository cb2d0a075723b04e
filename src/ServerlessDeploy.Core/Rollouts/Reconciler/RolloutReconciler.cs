namespace ServerlessDeploy.Core.Rollouts;

/// <summary>
/// The decision core of the Argo Rollouts controller for a basic canary (no traffic router), which we run instead of
/// the controller: given what is observed and the time, what the controller would write next, what the Rollout then
/// waits for, and the transitions to notify. Follows rollout/canary.go, sync.go, replicaset.go, service.go, pause.go
/// and restart.go; pure — no I/O, no clock.
/// </summary>
/// <remarks>
/// Not reproduced: HPA scaling events (syncReplicasOnly), rollbackWindow, analysis,
/// experiments, ephemeral metadata, anti-affinity, ReplicaSet hash collisions, replicaProgressThreshold, the status
/// fields we do not model (duration, alb, weights).
/// </remarks>
internal static class RolloutReconciler
{
    public static RolloutDecision Decide(RolloutObservation observation, DateTimeOffset now) =>
        new RolloutReconcilePass(observation, now).Run();
}
