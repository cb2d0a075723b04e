using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Core.Engine;
using ServerlessDeploy.Core.Fleet;
using ServerlessDeploy.Core.Sources;
using ServerlessDeploy.Pipeline.Config;
using ServerlessDeploy.Pipeline.Deploying;
using ServerlessDeploy.State;

namespace ServerlessDeploy.Pipeline.Reconciling;

public sealed partial class ComparePass
{
    /// <summary>
    /// The look at an app that needs no render, judged as its own reconcile request would be (<see cref="Deployer"/>'s
    /// policy): it is sent on when the pass is not the one to compare it (unsettled, its project missing, its branch
    /// unresolved), left as it is where that request would answer without writing anything (an older commit, a commit
    /// whose automated sync failed), else it is to be compared at its branch head.
    /// </summary>
    private async Task<FirstLook> FirstLookAsync(ConfiguredApp configured, ComparePassRun run, CancellationToken cancellationToken)
    {
        var app = configured.Application;
        var state = run.StateOf(app.Name);
        var automated = app.SyncPolicy.Automated;
        if (SettledState.Unsettled(state, automated is null) is { } unsettled)
        {
            return new FirstLook(Sent(app, unsettled));
        }

        if (run.Config.ProjectOf(app) is null)
        {
            return new FirstLook(Sent(app, "its project is not defined"));
        }

        var lookup = await LookupAsync(app, run);
        if (lookup.Revision?.Id is not { } revision)
        {
            return new FirstLook(Sent(app, $"{app.Source.TargetRevision} could not be resolved: {lookup.Problem}"));
        }

        // The state as the app's own request reads it: a new one for an app never deployed.
        var read = state ?? AppState.New(app.Name);
        if (await OlderThanDeployedAsync(app, revision, read, cancellationToken) is { } older)
        {
            return new FirstLook(new AppVerdict(app.Name, AppVerdictKind.Skipped, older));
        }

        if (automated is not null && !SettledState.SameCommit(read, revision) && SettledState.FailedBefore(read, revision))
        {
            return new FirstLook(new AppVerdict(app.Name, AppVerdictKind.Skipped, $"the sync to {Revisions.Abbreviate(revision)} failed before; automated sync waits for a new commit"));
        }

        return new FirstLook(null, read, revision);
    }

    /// <summary>An app to compare at its branch head (see <see cref="FirstLookAsync"/>): compared and recorded here, or sent on.</summary>
    private async Task<AppVerdict> CompareAsync(ConfiguredApp configured, AppState state, string revision, ComparePassRun run, CancellationToken cancellationToken)
    {
        var app = configured.Application;
        var rendered = await renders.RenderAsync(app, revision, state.ImageOverrides, async token => (await sources.CheckoutAsync(app.Source.RepoUrl, revision, token)).Root, cancellationToken);
        run.Rendered(rendered.Hit);
        if (!rendered.Result.Succeeded)
        {
            return Sent(app, $"render failed: {rendered.Result.Error}");
        }

        var engine = new SyncEngine(new SnapshotCluster(run.Cluster, run.Snapshot, app.Name), renderer, time, scope: run.Scope);
        var comparison = await engine.CompareAsync(app, rendered.Result, cancellationToken);
        var sameCommit = SettledState.SameCommit(state, revision);
        if (comparison.Unreadable is { } unreadable)
        {
            // Away from the deployed commit its own request records this as an error to retry, which the pass does not.
            if (!sameCommit)
            {
                return Sent(app, unreadable);
            }

            await ReportUnreadableAsync(app.Name, unreadable, run.Request, cancellationToken);
            return new AppVerdict(app.Name, AppVerdictKind.Unreadable, unreadable);
        }

        // At the deployed commit an error syncs; at another its own request records the failure.
        if (comparison.Errors.Count > 0)
        {
            return Sent(app, comparison.Errors[0]);
        }

        if (SnapshotGaps.Of(comparison) is [var gap, ..])
        {
            return Sent(app, $"{gap} is not in the cluster's snapshot");
        }

        // As Argo CD: an automated app at a new commit syncs only when the commit differs from what is live.
        var drifted = comparison.OutOfSync.Select(d => d.Key.ToString()).ToList();
        var automated = app.SyncPolicy.Automated;
        if (drifted.Count > 0 && automated is not null && !sameCommit)
        {
            return Sent(app, $"{Revisions.Abbreviate(revision)} is to be synced (deployed {Revisions.Abbreviate(state.Revision ?? "none")}; {string.Join(", ", drifted.Take(5))} OutOfSync)");
        }

        if (drifted.Count > 0 && automated is { SelfHeal: true })
        {
            return Sent(app, $"drift found ({string.Join(", ", drifted.Take(5))}); selfHeal is on");
        }

        var health = await engine.HealthAsync(comparison, cancellationToken);
        var compared = ComparedStatus.Of(state, drifted, health, automated is null, revision) with { Manifest = configured.Manifest };
        return await RecordAsync(state, compared, run.Request, cancellationToken)
            ? new AppVerdict(app.Name, AppVerdictKind.Recorded, compared.Message)
            : new AppVerdict(app.Name, AppVerdictKind.Skipped, "a sync of it holds it or began since it was read: left to record its own");
    }

    /// <summary>
    /// The app's branch, resolved once for the pass's apps: the lookup must not end with the one app that happened to
    /// start it, so it does not take that app's cancellation.
    /// </summary>
    private Task<RevisionLookup> LookupAsync(Application app, ComparePassRun run) =>
        run.Revisions.GetOrAdd((app.Source.RepoUrl, app.Source.TargetRevision), key => sources.ResolveAsync(key.Repo, key.Revision, CancellationToken.None));

    /// <summary>What the first look at an app found: its verdict, or the state and revision it is settled at, to compare.</summary>
    private sealed record FirstLook(AppVerdict? Verdict, AppState? State = null, string? Revision = null);

    /// <summary>
    /// Why the app's own request would refuse the branch head, answering without writing anything: it is an ancestor of
    /// the deployed commit, and only an explicit rollback goes back. Null when it would not.
    /// </summary>
    private async Task<string?> OlderThanDeployedAsync(Application app, string revision, AppState read, CancellationToken cancellationToken) =>
        read.Revision is { } deployed && deployed != revision && revision.Length > 0
            && await sources.CompareAsync(app.Source.RepoUrl, revision, deployed, cancellationToken) == RevisionOrder.Older
            ? $"{Revisions.Abbreviate(revision)} is older than the deployed {Revisions.Abbreviate(deployed)}: refused (only an explicit rollback goes back)"
            : null;
}
