namespace ServerlessDeploy.State;

/// <summary>
/// When each stage of an operation happened, for the dashboard's timeline: the event reaching the pipeline, routed,
/// queued, the sync started, each of its steps started and ended (across invocations), and done. Null where not known
/// (a CLI sync has no event; a step not reached has no times).
/// </summary>
/// <param name="Trigger">What started it; null in records written before it was kept.</param>
/// <param name="EventMessageId">The intake queue message that carried the event; null when none did (a CLI sync).</param>
/// <param name="DeployMessageId">The deploy queue message that carried the request; null when none did.</param>
/// <param name="Receives">How often the deploy message was received before it was carried out (1 = no retry); 0 when not known.</param>
public sealed record OperationStages(
    DateTimeOffset? EventReceivedAt,
    DateTimeOffset? RoutedAt,
    DateTimeOffset? QueuedAt,
    DateTimeOffset StartedAt,
    DateTimeOffset? DoneAt,
    IReadOnlyList<StepStage> Steps,
    TriggerKind? Trigger = null,
    string? EventMessageId = null,
    string? DeployMessageId = null,
    int Receives = 0);
