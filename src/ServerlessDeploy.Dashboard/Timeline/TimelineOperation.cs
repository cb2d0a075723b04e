using ServerlessDeploy.State;

namespace ServerlessDeploy.Dashboard.Timeline;

/// <summary>One operation from its trigger to done, with the queue messages that carried it and how often it was retried.</summary>
/// <param name="Revision">The commit it deployed (or tried to); null when not known.</param>
/// <param name="Trigger">Null for an operation recorded before its trigger was kept.</param>
/// <param name="Retries">Receives of its deploy message after the first; null when not recorded.</param>
/// <param name="FailedAt">The name of the stage it failed at; null when it did not fail.</param>
public sealed record TimelineOperation(
    string? Revision,
    TriggerKind? Trigger,
    OperationPhase Phase,
    string Message,
    string? EventMessageId,
    string? DeployMessageId,
    int? Retries,
    IReadOnlyList<TimelineStage> Stages,
    string? FailedAt);
