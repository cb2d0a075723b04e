using ServerlessDeploy.Core.Engine;
using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.State;

namespace ServerlessDeploy.Pipeline.Deploying;

/// <summary>A manual dry run: every write sent as a server-side dry run, and only its outcome recorded.</summary>
public sealed partial class Deployer
{
    /// <summary>
    /// No cursor is saved (a waiting sync is not superseded), and the app's record stays as the last real operation left it
    /// (phase, message, revision, resources, history): the dry run's own result is kept apart, where the dashboard shows it.
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
        var recorded = await store.Reads.GetAppAsync(run.Application.Name, cancellationToken) ?? run.State;
        var dryRun = new DryRunRecord(run.Target.Revision, result.Succeeded, message, run.Stages.StartedAt, time.GetUtcNow(), run.Initiator);
        await store.Writes.PutAppAsync(recorded with { LastDryRun = dryRun }, cancellationToken);
        return result.Succeeded ? DeployOutcome.Deployed($"{run.Application.Name}: {message}") : DeployOutcome.Failed($"{run.Application.Name}: {message}");
    }
}
