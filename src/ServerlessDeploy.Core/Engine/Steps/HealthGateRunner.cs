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
internal sealed class HealthGateRunner(IClusterClient cluster, TimeProvider time, LiveReads reads, TaskRunner runner)
{
    public async Task<StepOutcome> RunAsync(SyncStep step, DateTimeOffset gateStarted, StepContext context, CancellationToken cancellationToken)
    {
        var request = context.Request;
        if (request.DryRun)
        {
            return StepOutcome.Done;
        }

        var watched = context.InSyncOf(step);
        foreach (var task in step.Tasks.Where(t => !t.IsPrune && t.Writes).Select(t => runner.Named(t, context.Revision, context.StartedAt)))
        {
            var lookup = await cluster.FindTypeAsync(task.Manifest.ApiVersion, task.Kind, cancellationToken);
            if (lookup.Unreadable is not null)
            {
                return StepOutcome.Failed($"{step.Phase} wave {step.Wave}: {lookup.Unreadable}");
            }

            if (lookup.Type is { } type)
            {
                watched.Add((task.Key, type));
            }
        }

        if (watched.Count == 0)
        {
            return StepOutcome.Done;
        }

        var givesUpAt = gateStarted + request.Timeout;
        var (problem, outOfTime) = await new HealthWaiter(cluster, time, reads).WaitAsync(watched, givesUpAt, request.Timeout, request.StopBy, cancellationToken);
        if (outOfTime)
        {
            var wakeAt = time.GetUtcNow() + request.LookAgainAfter;
            return StepOutcome.Waiting(new CursorWait($"waiting for health: {problem}", wakeAt < givesUpAt ? wakeAt : givesUpAt, givesUpAt));
        }

        return problem is null ? StepOutcome.Done : StepOutcome.Failed($"{step.Phase} wave {step.Wave}: {problem}");
    }
}
