using ServerlessDeploy.State;

namespace ServerlessDeploy.Dashboard.Timeline;

/// <summary>
/// Lays an operation's recorded stages out in order: event received, routed, queued, sync started, each sync step,
/// done. Pure: the timeline is what the state recorded and nothing more.
/// </summary>
public static class OperationTimeline
{
    public static TimelineOperation Of(OperationStages stages, string? revision, OperationPhase phase, string message)
    {
        ArgumentNullException.ThrowIfNull(stages);
        var failed = phase is OperationPhase.Failed or OperationPhase.Error;
        var laid = Latencies(Stages(stages)).ToList();
        var failedAt = failed ? FailedStage(stages, laid) : null;
        return new TimelineOperation(
            revision,
            stages.Trigger,
            phase,
            message,
            stages.EventMessageId,
            stages.DeployMessageId,
            stages.Receives > 0 ? stages.Receives - 1 : null,
            [.. laid.Select(stage => stage with { Failed = stage.Name == failedAt })],
            failedAt);
    }

    private static IEnumerable<TimelineStage> Stages(OperationStages stages)
    {
        yield return Stage($"{TriggerWords.Of(stages.Trigger)} received", stages.EventReceivedAt);
        yield return Stage("routed", stages.RoutedAt);
        yield return Stage("queued", stages.QueuedAt);
        yield return Stage("sync started", stages.StartedAt);
        foreach (var step in stages.Steps)
        {
            yield return Stage(step.Step, step.StartedAt) with { Duration = step.EndedAt - step.StartedAt };
        }

        yield return Stage("done", stages.DoneAt);
    }

    private static TimelineStage Stage(string name, DateTimeOffset? at) => new(name, at, null, null, false);

    private static IEnumerable<TimelineStage> Latencies(IEnumerable<TimelineStage> stages)
    {
        DateTimeOffset? previous = null;
        foreach (var stage in stages)
        {
            yield return stage with { Latency = stage.At - previous };
            previous = stage.At ?? previous;
        }
    }

    /// <summary>The step that started and never ended; else the last step reached; else where the operation stopped.</summary>
    private static string FailedStage(OperationStages stages, IReadOnlyList<TimelineStage> laid) =>
        stages.Steps.LastOrDefault(step => step is { StartedAt: not null, EndedAt: null })?.Step
        ?? stages.Steps.LastOrDefault(step => step.StartedAt is not null)?.Step
        ?? laid.Last(stage => stage.At is not null).Name;
}
