using System.Globalization;
using ServerlessDeploy.Cli.Commands.App;
using ServerlessDeploy.State;

namespace ServerlessDeploy.Cli.Commands.Events;

/// <summary>The recorded state as tables: every app's status, one app's history (what `argocd app list` and `argocd app history` show), and the syncs that wait.</summary>
internal static class StatusReport
{
    public static async Task<string> AppsAsync(IStateReads store, CancellationToken cancellationToken)
    {
        var apps = await store.ListAppsAsync(cancellationToken);
        return Tables.Render(
            ["APP", "REVISION", "SYNC", "HEALTH", "PHASE", "MESSAGE"],
            apps.Select(a => new[] { a.App, Short(a.Revision), a.SyncStatus.ToString(), a.Health?.ToString() ?? "-", a.Phase.ToString(), a.Message }));
    }

    public static async Task<string> HistoryAsync(IStateReads store, string app, CancellationToken cancellationToken)
    {
        var history = await store.HistoryAsync(app, cancellationToken);
        return Tables.Render(
            ["ID", "DEPLOYED", "REVISION", "DIGEST", "INITIATOR"],
            history.Select(h => new[] { h.Id.ToString(CultureInfo.InvariantCulture), h.DeployedAt.ToString("u", CultureInfo.InvariantCulture), Short(h.Revision), h.ManifestDigest.Length > 19 ? h.ManifestDigest[..19] : h.ManifestDigest, h.Initiator }));
    }

    /// <summary>The wake-ups still booked: syncs that wait (empty when none does).</summary>
    public static string Waiting(IReadOnlyList<Local.Timers.BookedWakeUp> booked) =>
        booked.Count == 0 ? "" : "\n" + Tables.Render(
            ["WAITING APP", "SYNC", "STEP", "WAKES AT"],
            booked.Select(b => new[] { b.WakeUp.App, b.WakeUp.CursorId, b.WakeUp.StepIndex.ToString(CultureInfo.InvariantCulture), b.DueAt.ToString("u", CultureInfo.InvariantCulture) }));

    public static string Steps(IEnumerable<Local.Hosting.PipelineStep> steps) =>
        string.Concat(steps.Select(s => $"  {s.Stage,-9} {(s.Done ? "" : "NOT DONE: ")}{s.Message} ({Took(s.Took)})\n"));

    private static string Took(TimeSpan took) => took.TotalSeconds >= 1 ? $"{took.TotalSeconds:0.0} s" : $"{took.TotalMilliseconds:0} ms";

    private static string Short(string? sha) => sha is null ? "-" : Core.Applications.Revisions.Abbreviate(sha);
}
