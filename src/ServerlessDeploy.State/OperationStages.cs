namespace ServerlessDeploy.State;

/// <summary>
/// When each stage of an operation happened, for the dashboard's timeline: the event reaching the pipeline, routed,
/// queued, the sync started, each of its steps started and ended (across invocations), and done. Null where not known
/// (a CLI sync has no event; a step not reached has no times).
/// </summary>
public sealed record OperationStages(
    DateTimeOffset? EventReceivedAt,
    DateTimeOffset? RoutedAt,
    DateTimeOffset? QueuedAt,
    DateTimeOffset StartedAt,
    DateTimeOffset? DoneAt,
    IReadOnlyList<StepStage> Steps);
