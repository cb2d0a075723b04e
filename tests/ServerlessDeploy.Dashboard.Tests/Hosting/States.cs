using ServerlessDeploy.State;

namespace ServerlessDeploy.Dashboard.Tests.Hosting;

/// <summary>App states as the pipeline records them, for seeding the store under a page.</summary>
public static class States
{
    public static readonly DateTimeOffset Noon = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    public static AppState Synced(string app, string revision = "0123456789abcdef0123456789abcdef01234567") =>
        AppState.New(app) with
        {
            Revision = revision,
            SyncStatus = SyncStatusCode.Synced,
            Health = HealthCode.Healthy,
            Phase = OperationPhase.Succeeded,
            StartedAt = Noon,
            FinishedAt = Noon.AddSeconds(4),
            Message = "successfully synced (all tasks run)",
            RevisionInfo = new RevisionInfo("Ada <ada@example.com>", "deploy " + app),
            Images = ["nginx:1.27"],
        };

    public static AppState Failed(string app, string message) =>
        Synced(app) with { SyncStatus = SyncStatusCode.OutOfSync, Health = HealthCode.Degraded, Phase = OperationPhase.Failed, Message = message };
}
