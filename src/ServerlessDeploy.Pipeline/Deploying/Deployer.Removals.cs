using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Core.Cluster;
using ServerlessDeploy.Core.Engine;
using ServerlessDeploy.Core.Rendering;
using ServerlessDeploy.Core.Sync.Cursor;
using ServerlessDeploy.Pipeline.Config;
using ServerlessDeploy.Pipeline.Images;
using ServerlessDeploy.Pipeline.Notifications;
using ServerlessDeploy.Pipeline.Timers;
using ServerlessDeploy.State;

namespace ServerlessDeploy.Pipeline.Deploying;

/// <summary>Applications gone from the config repository: their resources deleted (resources finalizer) or left in place.</summary>
public sealed partial class Deployer
{
    /// <summary>
    /// An Application gone from Git: with Argo CD's resources finalizer its resources are deleted, otherwise they are left
    /// in place and reported as orphaned. Either way the app is marked so the reconcile tick does not ask again.
    /// </summary>
    private async Task<DeployOutcome> RemoveAsync(string name, CancellationToken cancellationToken)
    {
        var state = await store.Reads.GetAppAsync(name, cancellationToken);
        if (state?.Manifest is null || state.SyncStatus is SyncStatusCode.Removed or SyncStatusCode.Orphaned)
        {
            return DeployOutcome.Skipped($"{name}: nothing recorded to remove");
        }

        // A record that is not an object reads as an empty one, which the reader refuses with its errors.
        var parsed = ApplicationReader.Read(System.Text.Json.Nodes.JsonNode.Parse(state.Manifest) as System.Text.Json.Nodes.JsonObject ?? []);
        if (!parsed.Succeeded)
        {
            return await FailAsync(state, new DeployRequest(name, DeployReason.Removed, null, "", time.GetUtcNow(), "reconcile"), $"the recorded Application cannot be read: {string.Join("; ", parsed.Errors)}", cancellationToken);
        }

        var app = parsed.Application;
        var connection = clusters.Connect(app.Destination);
        if (!connection.IsConnected)
        {
            // A removal whose cluster is unknown is asked again, not failed: it may come back into the configuration.
            return await AskAgainAsync(name, connection.Problem, cancellationToken);
        }

        // Within namespaces, what the app left behind is looked for where it last had resources as well.
        var removal = new RemovedApplication(connection.Client, time, scope: connection.Scope.With(state.Resources.Select(r => r.Namespace)));
        return RemovedApplication.DeletesResources(app)
            ? await DeleteResourcesAsync(state, app, removal, cancellationToken)
            : await OrphanAsync(state, app, removal, cancellationToken);
    }

    /// <summary>No resources finalizer: the app's resources stay in place, reported as orphaned.</summary>
    private async Task<DeployOutcome> OrphanAsync(AppState state, Application app, RemovedApplication removal, CancellationToken cancellationToken)
    {
        var (tracked, unreadable) = await removal.TrackedAsync(app, cancellationToken);
        if (unreadable is not null)
        {
            return await AskAgainAsync(state.App, unreadable, cancellationToken);
        }

        var message = $"removed from the config repository; {tracked.Count} resources left in place (orphaned, no resources finalizer){(tracked.Count > 0 ? ": " + string.Join(", ", tracked.Take(10)) : "")}";
        await store.Writes.PutAppAsync(state with { SyncStatus = SyncStatusCode.Orphaned, Phase = OperationPhase.Succeeded, FinishedAt = time.GetUtcNow(), Message = message, Resources = [] }, cancellationToken);
        return DeployOutcome.Deployed($"{state.App}: {message}");
    }

    /// <summary>The resources finalizer: every tracked resource deleted in prune order, recorded and notified.</summary>
    private async Task<DeployOutcome> DeleteResourcesAsync(AppState state, Application app, RemovedApplication removal, CancellationToken cancellationToken)
    {
        var name = state.App;
        var result = await removal.DeleteResourcesAsync(app, cancellationToken);
        if (result.Unreadable is { } cannotRead)
        {
            return await AskAgainAsync(name, cannotRead, cancellationToken);
        }

        var now = time.GetUtcNow();
        var removed = state with
        {
            SyncStatus = result.Succeeded ? SyncStatusCode.Removed : state.SyncStatus,
            Phase = result.Succeeded ? OperationPhase.Succeeded : OperationPhase.Failed,
            FinishedAt = now,
            Message = $"removed from the config repository: {result.Message}",
            Resources = StatusRecords.Resources(result),
        };
        await store.Writes.PutAppAsync(removed, cancellationToken);
        var notice = await Notices.SendAsync(removed, StatusRecords.Notification(name, result, state.Revision ?? "", now), cancellationToken);
        var outcome = result.Succeeded ? DeployOutcome.Deployed($"{name}: {result.Message}") : DeployOutcome.Failed($"{name}: deleting its resources failed: {result.Message}");
        return outcome with { Notice = notice };
    }
}
