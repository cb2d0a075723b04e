using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Core.Cluster;
using ServerlessDeploy.Core.Engine;
using ServerlessDeploy.Core.Rendering;
using ServerlessDeploy.Core.Sync.Cursor;
using ServerlessDeploy.Git;
using ServerlessDeploy.Pipeline.Config;
using ServerlessDeploy.Pipeline.Images;
using ServerlessDeploy.Pipeline.Notifications;
using ServerlessDeploy.Pipeline.State;
using ServerlessDeploy.Pipeline.Timers;

namespace ServerlessDeploy.Pipeline.Deploying;

/// <summary>What a request deploys: the commit (never an ancestor of the deployed one unless a rollback), an image push's choice, and its checkout.</summary>
public sealed partial class Deployer
{
    /// <summary>
    /// An image push: the image updater picks the tag and writes it back; the app is then deployed at the branch head
    /// with the new overrides, or at the write-back commit. A push that does not win changes nothing.
    /// </summary>
    private async Task<(DeployTarget Target, AppState State)> ImageTargetAsync(Application app, AppState state, Core.Triggers.ImagePushed pushed, CancellationToken cancellationToken)
    {
        var repoCredentials = await credentials.ForAsync(app.Source.RepoUrl, cancellationToken);
        var head = await sources.CheckoutAsync(app.Source.RepoUrl, app.Source.TargetRevision, repoCredentials, cancellationToken);
        var update = await images.UpdateAsync(app, state, pushed, head.Root, cancellationToken);
        switch (update.Kind)
        {
            case ImageUpdateKind.Overrides:
                state = state with { ImageOverrides = update.ImageOverrides, Message = update.Message };
                await store.PutAppAsync(state, cancellationToken);
                return (new DeployTarget(head.Revision, update.ImageOverrides, ImageChanged: true), state);
            case ImageUpdateKind.Commit when update.Commit is { } commit:
                return (new DeployTarget(commit, state.ImageOverrides, ImageChanged: true), state);
            default:
                // Why nothing changed (an invalid annotation, named, or a push that does not win) goes on the app's status too.
                state = state with { Message = update.Message };
                await store.PutAppAsync(state, cancellationToken);
                return (DeployTarget.Refused(update.Message), state);
        }
    }

    private async Task<DeployTarget> TargetAsync(DeployRequest request, Application app, AppState state, CancellationToken cancellationToken)
    {
        var repoCredentials = await credentials.ForAsync(app.Source.RepoUrl, cancellationToken);
        if (request.Reason == DeployReason.Rollback)
        {
            if (app.SyncPolicy.Automated is not null && !request.Force)
            {
                return DeployTarget.Refused("rollback refused: automated sync is on and would undo it at once (turn it off, or force the rollback)");
            }

            var history = await store.HistoryAsync(app.Name, cancellationToken);
            var entry = request.HistoryId is { } id
                ? history.FirstOrDefault(h => h.Id == id)
                : history.FirstOrDefault(h => h.Revision != state.Revision);
            return entry is null
                ? DeployTarget.Refused($"rollback refused: no history entry {(request.HistoryId is { } wanted ? wanted.ToString(System.Globalization.CultureInfo.InvariantCulture) : "before the deployed revision")} (ids: {string.Join(", ", history.Select(h => h.Id))})")
                : new DeployTarget(entry.Revision, entry.ImageOverrides);
        }

        var revision = request.Revision is { Length: > 0 } given
            ? await sources.ResolveAsync(app.Source.RepoUrl, given, repoCredentials, cancellationToken)
            : await sources.ResolveAsync(app.Source.RepoUrl, app.Source.TargetRevision, repoCredentials, cancellationToken);
        if (state.Revision is { } deployed && deployed != revision && revision.Length > 0
            && await sources.IsAncestorAsync(app.Source.RepoUrl, revision, deployed, repoCredentials, cancellationToken))
        {
            return DeployTarget.Refused($"{Revisions.Abbreviate(revision)} is older than the deployed {Revisions.Abbreviate(deployed)}: refused (only an explicit rollback goes back)");
        }

        return new DeployTarget(revision, RequestedImages.Over(state.ImageOverrides, request));
    }

    private async Task<string> CheckoutAsync(Application app, string revision, CancellationToken cancellationToken)
    {
        var repoCredentials = await credentials.ForAsync(app.Source.RepoUrl, cancellationToken);
        return (await sources.CheckoutAsync(app.Source.RepoUrl, revision, repoCredentials, cancellationToken)).Root;
    }
}
