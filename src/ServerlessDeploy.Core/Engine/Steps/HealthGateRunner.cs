using ServerlessDeploy.Core.Cluster;
using ServerlessDeploy.Core.Resources;
using ServerlessDeploy.Core.Sync;
using ServerlessDeploy.Core.Sync.Cursor;

namespace ServerlessDeploy.Core.Engine.Steps;

/// <summary>
/// Waits until what a wave wrote (and its in-sync resources) is healthy. Its deadline counts from when the gate first
/// started, across invocations; when the host's stop time comes first, the gate waits: the cursor is woken after
/// the request's <see cref="SyncRequest.LookAgainAfter"/> to look again.
/// </summary>
/// <remarks>Rollouts are driven by <see cref="RolloutGate"/> first: their health is what driving them leaves.</remarks>
internal sealed class HealthGateRunner(IClusterClient cluster, TimeProvider time, LiveReads reads, TaskRunner runner, RolloutGate rollouts)
{
    public async Task<StepOutcome> RunAsync(SyncStep step, DateTimeOffset gateStarted, StepContext context, CancellationToken cancellationToken)
    {
        var request = context.Request;
        if (request.DryRun)
        {
            return StepOutcome.Done;
        }

        var (watched, unreadable) = await WatchedAsync(step, context, cancellationToken);
        if (unreadable is not null)
        {
            return StepOutcome.Failed($"{step.Phase} wave {step.Wave}: {unreadable}");
        }

        var givesUpAt = gateStarted + request.Timeout;
        var driven = watched.Where(w => RolloutGate.IsRollout(w.Type)).Select(w => w.Key).ToList();
        if (driven.Count > 0)
        {
            // A timed pause is no health timeout: a local sync waits for it within its timeout, a host until its stop.
            reads.Writing();
            if (await rollouts.RunAsync(driven, request.StopBy ?? givesUpAt, request.LookAgainAfter, cancellationToken) is { } stopped)
            {
                return stopped.Kind == StepOutcomeKind.Failed ? StepOutcome.Failed($"{step.Phase} wave {step.Wave}: {stopped.Problem}") : stopped;
            }

            watched.RemoveAll(w => RolloutGate.IsRollout(w.Type));
        }

        if (watched.Count == 0)
        {
            return StepOutcome.Done;
        }

        var (problem, outOfTime) = await new HealthWaiter(cluster, time, reads).WaitAsync(watched, givesUpAt, request.Timeout, request.StopBy, cancellationToken);
        if (outOfTime)
        {
            var wakeAt = time.GetUtcNow() + request.LookAgainAfter;
            return StepOutcome.Waiting(new CursorWait($"waiting for health: {problem}", wakeAt < givesUpAt ? wakeAt : givesUpAt, givesUpAt));
        }

        return problem is null ? StepOutcome.Done : StepOutcome.Failed($"{step.Phase} wave {step.Wave}: {problem}");
    }

    /// <summary>What the gate watches: the step's in-sync resources and what it wrote, with their served types.</summary>
    private async Task<(List<(ResourceKey Key, ClusterResourceType Type)> Watched, string? Unreadable)> WatchedAsync(SyncStep step, StepContext context, CancellationToken cancellationToken)
    {
        var watched = context.InSyncOf(step);
        foreach (var task in step.Tasks.Where(t => !t.IsPrune && t.Writes).Select(t => runner.Named(t, context.Revision, context.StartedAt)))
        {
            var lookup = await cluster.FindTypeAsync(task.Manifest.ApiVersion, task.Kind, cancellationToken);
            if (lookup.Unreadable is not null)
            {
                return ([], lookup.Unreadable);
            }

            if (lookup.Type is { } type)
            {
                watched.Add((task.Key, type));
            }
        }

        return (watched, null);
    }
}
