using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Core.Cluster;
using ServerlessDeploy.Core.Engine;
using ServerlessDeploy.Core.Rendering;
using ServerlessDeploy.Core.Sources;
using ServerlessDeploy.Core.Sync.Cursor;
using ServerlessDeploy.Pipeline.Config;
using ServerlessDeploy.Pipeline.Images;
using ServerlessDeploy.Pipeline.Notifications;
using ServerlessDeploy.Pipeline.Timers;
using ServerlessDeploy.State;

namespace ServerlessDeploy.Pipeline.Deploying;

/// <summary>What a request deploys: the commit (never an ancestor of the deployed one unless a rollback), an image push's choice, and its checkout.</summary>
public sealed partial class Deployer
{
    /// <summary>
    /// The commit and images the request comes to: an image push's choice, a rollback's history entry, or the requested
    /// (or branch head) revision. The state comes back with what the image updater recorded.
    /// </summary>
    private async Task<(DeployTarget Target, AppState State)> TargetAsync(
        DeployRequest request, ISourceRepository source, Application app, AppState state, CancellationToken cancellationToken)
    {
        var (target, updated) = request is { Reason: DeployReason.ImagePush, Image: { } pushed }
            ? await ImageTargetAsync(source, app, state, pushed, cancellationToken)
            : (await TargetAsync(source, request, app, state, cancellationToken), state);
        return (await DescribedAsync(source, app, target, cancellationToken), updated);
    }

    /// <summary>The target with its revision's author and message (what the status shows of the deployed commit).</summary>
    private static async Task<DeployTarget> DescribedAsync(ISourceRepository source, Application app, DeployTarget target, CancellationToken cancellationToken) =>
        target.Refusal is not null || target.Described is not null
            ? target
            : target with { Described = (await source.ResolveAsync(app.Source.RepoUrl, target.Revision, cancellationToken)).Revision };

    /// <summary>
    /// An image push: the image updater picks the tag and writes it back; the app is then deployed at the branch head
    /// with the new overrides, or at the write-back commit. A push that does not win changes nothing.
    /// </summary>
    private async Task<(DeployTarget Target, AppState State)> ImageTargetAsync(
        ISourceRepository source, Application app, AppState state, Core.Triggers.ImagePushed pushed, CancellationToken cancellationToken)
    {
        var head = await source.CheckoutAsync(app.Source.RepoUrl, app.Source.TargetRevision, cancellationToken);
        var update = await images.UpdateAsync(app, state, pushed, head, cancellationToken);
        switch (update.Kind)
        {
            case ImageUpdateKind.Overrides:
                state = state with { ImageOverrides = update.ImageOverrides, Message = update.Message };
                await store.Writes.PutAppAsync(state, cancellationToken);
                return (new DeployTarget(head.Revision, update.ImageOverrides, ImageChanged: true), state);
            case ImageUpdateKind.Commit when update.Commit is { } commit:
                return (new DeployTarget(commit, state.ImageOverrides, ImageChanged: true), state);
            default:
                // Why nothing changed (an invalid annotation, named, or a push that does not win) goes on the app's status too.
                state = state with { Message = update.Message };
                await store.Writes.PutAppAsync(state, cancellationToken);
                return (DeployTarget.Refused(update.Message), state);
        }
    }

    /// <remarks>
    /// A source without history (a pipeline artifact) resolves any revision to its label and orders nothing, so its
    /// revision is deployed as it is.
    /// </remarks>
    private async Task<DeployTarget> TargetAsync(ISourceRepository source, DeployRequest request, Application app, AppState state, CancellationToken cancellationToken)
    {
        if (request.Reason == DeployReason.Rollback)
        {
            if (app.SyncPolicy.Automated is not null && !request.Force)
            {
                return DeployTarget.Refused("rollback refused: automated sync is on and would undo it at once (turn it off, or force the rollback)");
            }

            var history = await store.Reads.HistoryAsync(app.Name, cancellationToken);
            var entry = request.HistoryId is { } id
                ? history.FirstOrDefault(h => h.Id == id)
                : history.FirstOrDefault(h => h.Revision != state.Revision);
            return entry is null
                ? DeployTarget.Refused($"rollback refused: no history entry {(request.HistoryId is { } wanted ? wanted.ToString(System.Globalization.CultureInfo.InvariantCulture) : "before the deployed revision")} (ids: {string.Join(", ", history.Select(h => h.Id))})")
                : new DeployTarget(entry.Revision, entry.ImageOverrides);
        }

        var lookup = await source.ResolveAsync(app.Source.RepoUrl, request.Revision is { Length: > 0 } given ? given : app.Source.TargetRevision, cancellationToken);
        // A revision not there (yet) is retried as any source failure is: DeployAsync records it and asks again.
        var revision = lookup.Revision?.Id ?? throw new InvalidOperationException(lookup.Problem);
        if (state.Revision is { } deployed && deployed != revision && revision.Length > 0
            && await source.CompareAsync(app.Source.RepoUrl, revision, deployed, cancellationToken) == RevisionOrder.Older)
        {
            return DeployTarget.Refused($"{Revisions.Abbreviate(revision)} is older than the deployed {Revisions.Abbreviate(deployed)}: refused (only an explicit rollback goes back)");
        }

        return new DeployTarget(revision, RequestedImages.Over(state.ImageOverrides, request), Described: lookup.Revision);
    }

    private static async Task<string> CheckoutAsync(ISourceRepository source, Application app, string revision, CancellationToken cancellationToken) =>
        (await source.CheckoutAsync(app.Source.RepoUrl, revision, cancellationToken)).Root;
}
