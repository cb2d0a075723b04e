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
    /// The look at an app that needs no render: it is sent on when the pass is not the one to compare it (unsettled, its
    /// project missing, its branch unresolved or at a new commit), else it is settled at its branch head.
    /// </summary>
    private async Task<FirstLook> FirstLookAsync(ConfiguredApp configured, ComparePassRun run)
    {
        var app = configured.Application;
        var state = run.StateOf(app.Name);
        if (Unsettled(state) is { } unsettled)
        {
            return new FirstLook(Sent(app, unsettled));
        }

        if (state is not { Revision: { } deployed } || run.Config.ProjectOf(app) is null)
        {
            return new FirstLook(Sent(app, "its project is not defined"));
        }

        var lookup = await LookupAsync(app, run);
        if (lookup.Revision?.Id is not { } revision)
        {
            return new FirstLook(Sent(app, $"{app.Source.TargetRevision} could not be resolved: {lookup.Problem}"));
        }

        return revision == deployed
            ? new FirstLook(null, state, revision)
            : new FirstLook(Sent(app, $"{Revisions.Abbreviate(revision)} is not the deployed {Revisions.Abbreviate(deployed)}"));
    }

    /// <summary>An app settled at its branch head (see <see cref="FirstLookAsync"/>): compared and recorded here, or sent on.</summary>
    private async Task<AppVerdict> CompareAsync(ConfiguredApp configured, AppState state, string revision, ComparePassRun run, CancellationToken cancellationToken)
    {
        var app = configured.Application;
        var rendered = await renders.RenderAsync(app, revision, state.ImageOverrides, async token => (await sources.CheckoutAsync(app.Source.RepoUrl, revision, token)).Root, cancellationToken);
        run.Rendered(rendered.Hit);
        if (!rendered.Result.Succeeded)
        {
            return Sent(app, $"render failed: {rendered.Result.Error}");
        }

        var engine = new SyncEngine(new SnapshotCluster(run.Cluster, run.Snapshot, app.Name), renderer, time);
        var comparison = await engine.CompareAsync(app, rendered.Result, cancellationToken);
        if (comparison.Unreadable is { } unreadable)
        {
            await ReportUnreadableAsync(app.Name, unreadable, run.Request, cancellationToken);
            return new AppVerdict(app.Name, AppVerdictKind.Unreadable, unreadable);
        }

        if (comparison.Errors.Count > 0)
        {
            return Sent(app, comparison.Errors[0]);
        }

        if (SnapshotGaps.Of(comparison) is [var gap, ..])
        {
            return Sent(app, $"{gap} is not in the cluster's snapshot");
        }

        var drifted = comparison.OutOfSync.Select(d => d.Key.ToString()).ToList();
        var automated = app.SyncPolicy.Automated;
        if (drifted.Count > 0 && automated is { SelfHeal: true })
        {
            return Sent(app, $"drift found ({string.Join(", ", drifted.Take(5))}); selfHeal is on");
        }

        var health = await engine.HealthAsync(comparison, cancellationToken);
        var compared = ComparedStatus.Of(state, drifted, health, automated is null, sameCommit: true, revision) with { Manifest = configured.Manifest };
        await RecordAsync(state, compared, run.Request, cancellationToken);
        return new AppVerdict(app.Name, AppVerdictKind.Recorded, compared.Message);
    }

    /// <summary>
    /// The app's branch, resolved once for the pass's apps: the lookup must not end with the one app that happened to
    /// start it, so it does not take that app's cancellation.
    /// </summary>
    private Task<RevisionLookup> LookupAsync(Application app, ComparePassRun run) =>
        run.Revisions.GetOrAdd((app.Source.RepoUrl, app.Source.TargetRevision), key => sources.ResolveAsync(key.Repo, key.Revision, CancellationToken.None));

    /// <summary>What the first look at an app found: its verdict, or the state and revision it is settled at, to compare.</summary>
    private sealed record FirstLook(AppVerdict? Verdict, AppState? State = null, string? Revision = null);

    /// <summary>Why the app is not the pass's to compare (null when it is): only an app whose last sync succeeded and that waits for nothing is.</summary>
    private static string? Unsettled(AppState? state) => state switch
    {
        null or { Revision: null } => "it was never synced",
        { Phase: not OperationPhase.Succeeded } => $"its last operation is {state.Phase}",
        { Waiting: not null } => "a sync of it waits",
        { WatchedRollouts.Count: > 0 } => "it has a Rollout to watch",
        _ => null,
    };
}
