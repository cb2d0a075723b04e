using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace ServerlessDeploy.Core.Rollouts;

/// <summary>
/// What `kubectl argo rollouts get rollout` shows of a canary Rollout (pkg/kubectl-argo-rollouts/info): phase and
/// message as readers see them, the step, the weight asked for and the share of available pods the canary has, images
/// by role, replica counts, and the ReplicaSets it owns with their pods. <paramref name="Rollout"/> and
/// <paramref name="ReplicaSetObjects"/> are the live objects as read.
/// </summary>
/// <param name="StepIndex">status.currentStepIndex when the canary has steps; null otherwise.</param>
/// <param name="Steps">spec.strategy.canary.steps as written.</param>
public sealed record RolloutInfo(
    string Name,
    string Namespace,
    DateTimeOffset? CreatedAt,
    string Phase,
    string Message,
    int? StepIndex,
    ImmutableArray<JsonObject> Steps,
    int SetWeight,
    int ActualWeight,
    bool Aborted,
    ImmutableArray<RolloutImage> Images,
    RolloutReplicaCounts Replicas,
    ImmutableArray<RolloutReplicaSetInfo> ReplicaSets,
    JsonObject Rollout,
    ImmutableArray<JsonObject> ReplicaSetObjects);

/// <summary>An image the Rollout's ReplicaSets run, with the roles ("canary", "stable") of the ReplicaSets that run it.</summary>
public sealed record RolloutImage(string Image, ImmutableArray<string> Tags);

/// <summary>spec.replicas (default 1) and the status counts.</summary>
public sealed record RolloutReplicaCounts(int Desired, int Current, int Updated, int Ready, int Available);

/// <summary>
/// One ReplicaSet the Rollout owns: its revision, health as the plugin works it out (Healthy, Progressing, ScaledDown,
/// ReplicaFailure), replica counts, its role, its containers' images, and its pods (none where no pods exist, as on the
/// local API server).
/// </summary>
public sealed record RolloutReplicaSetInfo(
    string Name,
    long Revision,
    string Status,
    DateTimeOffset? CreatedAt,
    int Desired,
    int Replicas,
    int Ready,
    int Available,
    bool Stable,
    bool Canary,
    ImmutableArray<string> Images,
    ImmutableArray<RolloutPodInfo> Pods);

/// <summary>One pod of a ReplicaSet: its status as kubectl words it, ready containers of all ("1/1"), restarts.</summary>
public sealed record RolloutPodInfo(string Name, string Status, DateTimeOffset? CreatedAt, string Ready, int Restarts);
