using ServerlessDeploy.Core.Engine;
using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.State;

namespace ServerlessDeploy.Pipeline.Deploying;

/// <summary>A manual dry run: every write sent as a server-side dry run, and only its outcome recorded.</summary>
public sealed partial class Deployer
{
    /// <summary>
    /// No cursor is saved (a waiting sync is not superseded), and the app's revision, resources and history stay as the
    /// last real sync left them: the status says what the dry run found, as Argo CD's operation state does.
    /// </summary>
    private async Task<DeployOutcome> DryRunAsync(SyncRun run, SyncEngine engine, SyncRequest syncRequest, CancellationToken cancellationToken)
    {
        var request = syncRequest with { Checkpoint = null };
        var result = await engine.SyncAsync(run.Application, run.Project, run.Root, run.Target.Revision, request, run.Target.ImageOverrides, cancellationToken);
        if (result.Unreadable is { } unreadable)
        {
            return await AskAgainAsync(run.Application.Name, unreadable, cancellationToken);
        }

        var message = $"dry run at {Revisions.Abbreviate(run.Target.Revision)}: {result.Message}";
        var now = time.GetUtcNow();
        await store.Writes.PutAppAsync(run.State with
        {
            Phase = result.Succeeded ? OperationPhase.Succeeded : OperationPhase.Failed,
            StartedAt = run.Stages.StartedAt,
            FinishedAt = now,
            Message = message,
        }, cancellationToken);
        return result.Succeeded ? DeployOutcome.Deployed($"{run.Application.Name}: {message}") : DeployOutcome.Failed($"{run.Application.Name}: {message}");
    }
}
