using ServerlessDeploy.Core.Sync.Cursor;
using ServerlessDeploy.State;
using ServerlessDeploy.Pipeline.Timers;

namespace ServerlessDeploy.Pipeline.Deploying;

/// <summary>Idempotency: a redelivered request is recognised by its id and answered as the first delivery ended.</summary>
public sealed partial class Deployer
{
    /// <summary>
    /// The answer to a request already carried out, or null for a new one. A redelivery answers as the first delivery
    /// ended, so a retried pipeline job is not reported green after a failure.
    /// </summary>
    private async Task<DeployOutcome?> RepeatedAsync(DeployRequest request, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (!await store.Marks.IsDoneAsync(request.DeploymentId, now, cancellationToken))
        {
            return null;
        }

        if (await store.Marks.IsDoneAsync(FailedMark(request.DeploymentId), now, cancellationToken))
        {
            var recorded = await store.Reads.GetAppAsync(request.App, cancellationToken);
            return DeployOutcome.Failed($"{request.App}: request {request.DeploymentId[..12]} was already carried out and failed: {recorded?.Message}");
        }

        return await waits.CurrentAsync(request.App, cancellationToken) is { IsFinished: false } waiting && waiting.DeploymentId == request.DeploymentId
            ? await AskedAgainAsync(waiting, deadline, cancellationToken)
            : DeployOutcome.Skipped($"{request.App}: request {request.DeploymentId[..12]} was already carried out");
    }

    /// <summary>
    /// Marks the request done once its outcome is final (a failure also under its failed mark). Nothing is marked for an
    /// app the config repository lacks, so a redelivery looks again (it may have been added).
    /// </summary>
    private async Task MarkDoneAsync(DeployRequest request, DeployOutcome outcome, CancellationToken cancellationToken)
    {
        if (outcome.KeepsMessage || outcome.Kind == DeployOutcomeKind.NotFound)
        {
            return;
        }

        var until = time.GetUtcNow() + settings.IdempotencyWindow;
        if (outcome.Kind == DeployOutcomeKind.Failed)
        {
            await store.Marks.TryMarkDoneAsync(FailedMark(request.DeploymentId), until, cancellationToken);
        }

        await store.Marks.TryMarkDoneAsync(request.DeploymentId, until, cancellationToken);
    }

    private static string FailedMark(string deploymentId) => deploymentId + "#failed";

    /// <summary>
    /// The request of a sync that waits, asked again (a CodePipeline job continued with its token): it wakes the sync
    /// when the wait is due, so a pipeline action needs no timer of its own; otherwise it answers that it waits.
    /// </summary>
    private async Task<DeployOutcome> AskedAgainAsync(SyncCursor waiting, DateTimeOffset? deadline, CancellationToken cancellationToken) =>
        waiting.Status == CursorStatus.Waiting && waiting.Wait?.WakeAt <= time.GetUtcNow()
            ? await WakeAsync(new WakeUp(waiting.App, waiting.Id, waiting.Position, waiting.Version), deadline, cancellationToken)
            : DeployOutcome.Waiting($"{waiting.App}: request {waiting.DeploymentId[..Math.Min(12, waiting.DeploymentId.Length)]} is under way: {waiting.Current?.Name}: {waiting.Message}");
}
