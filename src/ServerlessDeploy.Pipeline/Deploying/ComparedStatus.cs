using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Core.Health;
using ServerlessDeploy.Pipeline.State;
using ServerlessDeploy.State;

namespace ServerlessDeploy.Pipeline.Deploying;

/// <summary>
/// The status a comparison that does not sync records, the same whether one app's request or a cluster's compare pass
/// made it: in sync (at the deployed commit or a new one), out of sync with automated sync off, or drift with selfHeal off.
/// </summary>
internal static class ComparedStatus
{
    public static AppState Of(AppState state, IReadOnlyList<string> drifted, HealthStatus health, bool manualOnly, string revision)
    {
        var message = drifted.Count == 0
            ? $"in sync with {Revisions.Abbreviate(revision)}"
            : manualOnly
                ? $"OutOfSync with {Revisions.Abbreviate(revision)} ({string.Join(", ", drifted.Take(5))}); automated sync is off"
                : $"drift found ({string.Join(", ", drifted.Take(5))}); selfHeal is off";
        return state with
        {
            // Sync status is about the manifests, as Argo CD's: a new commit that renders what is live is Synced.
            SyncStatus = drifted.Count == 0 ? SyncStatusCode.Synced : SyncStatusCode.OutOfSync,
            ComparedRevision = revision,
            Health = health.ToState(),
            Message = message,
        };
    }
}
