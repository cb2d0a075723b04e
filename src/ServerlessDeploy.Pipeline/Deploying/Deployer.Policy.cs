using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Core.Engine;
using ServerlessDeploy.Pipeline.State;
using ServerlessDeploy.State;

namespace ServerlessDeploy.Pipeline.Deploying;

/// <summary>The compare-only policy: which requests sync, and which only compare and record what they found.</summary>
public sealed partial class Deployer
{
    /// <summary>
    /// Requests that only compare: automated sync off (push, image or reconcile), the deployed commit again with nothing
    /// drifted, a new commit that renders what is live, or drift found with selfHeal off. Those record what was found and
    /// are answered; the others sync.
    /// </summary>
    private async Task<SyncDecision> DecideAsync(
        DeployRequest request, Application app, AppState state, SyncEngine engine, string root, DeployTarget target, CancellationToken cancellationToken)
    {
        var automated = app.SyncPolicy.Automated;
        var sameCommit = SettledState.SameCommit(state, target.Revision);
        if (request.Reason is DeployReason.Manual or DeployReason.Rollback || (target.ImageChanged && automated is not null))
        {
            return SyncDecision.Sync;
        }

        if (automated is not null && !sameCommit)
        {
            return SettledState.FailedBefore(state, target.Revision)
                ? SyncDecision.Answered(DeployOutcome.Skipped($"{app.Name}: the sync to {Revisions.Abbreviate(target.Revision)} failed before; automated sync waits for a new commit"))
                : await DecideNewCommitAsync(app, state, engine, root, target, cancellationToken);
        }

        var comparison = await engine.CompareAsync(app, root, target.ImageOverrides, cancellationToken);
        if (comparison.Unreadable is { } unreadable)
        {
            return SyncDecision.Answered(await AskAgainAsync(app.Name, unreadable, cancellationToken));
        }

        if (comparison.Errors.Count > 0)
        {
            // Compared at the target, as Argo CD's status.sync.revision is even when the manifests do not render.
            return sameCommit ? SyncDecision.Sync : SyncDecision.Answered(await FailAsync(state with { ComparedRevision = target.Revision }, request, string.Join("; ", comparison.Errors), cancellationToken));
        }

        var drifted = comparison.OutOfSync.Select(d => d.Key.ToString()).ToList();
        return drifted.Count > 0 && automated is { SelfHeal: true } && sameCommit
            ? SyncDecision.SyncFrom(comparison)
            : SyncDecision.Answered(await RecordComparedAsync(state, engine, comparison, drifted, automated is null, target, cancellationToken));
    }

    /// <summary>
    /// An automated app at a new commit, as Argo CD's auto-sync: compared at the commit first, and when it renders what is
    /// live only recorded Synced there (no operation, history, hooks or notification); otherwise synced from that
    /// comparison. An app a sync runs, waits or watches for, or never synced, syncs without comparing.
    /// </summary>
    private async Task<SyncDecision> DecideNewCommitAsync(
        Application app, AppState state, SyncEngine engine, string root, DeployTarget target, CancellationToken cancellationToken)
    {
        if (SettledState.Unsettled(state, manualOnly: false) is not null)
        {
            return SyncDecision.Sync;
        }

        var comparison = await engine.CompareAsync(app, root, target.ImageOverrides, cancellationToken);
        return comparison.InSync && comparison.Unreadable is null
            ? SyncDecision.Answered(await RecordComparedAsync(state, engine, comparison, [], manualOnly: false, target, cancellationToken))
            : SyncDecision.SyncFrom(comparison);
    }

    /// <summary>
    /// Records a comparison that does not sync: in sync (at the deployed commit or a new one), out of sync with automated
    /// sync off, or drift with selfHeal off.
    /// </summary>
    private async Task<DeployOutcome> RecordComparedAsync(
        AppState state, SyncEngine engine, ApplicationComparison comparison, List<string> drifted, bool manualOnly, DeployTarget target, CancellationToken cancellationToken)
    {
        var health = await engine.HealthAsync(comparison, cancellationToken);
        var compared = ComparedStatus.Of(state, drifted, health, manualOnly, target.Revision);
        await store.Writes.PutAppAsync(compared, cancellationToken);
        return DeployOutcome.Skipped($"{state.App}: {compared.Message}");
    }
}
