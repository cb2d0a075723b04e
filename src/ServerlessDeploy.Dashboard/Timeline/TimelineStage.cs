namespace ServerlessDeploy.Dashboard.Timeline;

/// <summary>
/// One stage of an operation on the timeline: when it happened, how long after the stage before it, and whether the
/// operation failed there.
/// </summary>
/// <param name="At">Null when the stage was not reached or not recorded.</param>
/// <param name="Latency">Since the previous stage with a time; null for the first, or when either has none.</param>
/// <param name="Duration">For a sync step: from its start to its end; null otherwise or while it runs.</param>
public sealed record TimelineStage(string Name, DateTimeOffset? At, TimeSpan? Latency, TimeSpan? Duration, bool Failed);
