using ServerlessDeploy.State;

namespace ServerlessDeploy.Dashboard.Apps;

/// <summary>
/// How Argo CD's UI words a sync status against its revision (status.sync.revision): "Synced to abc1234", "OutOfSync from
/// abc1234" (what Git has that the cluster does not).
/// </summary>
public static class SyncWords
{
    public static string Against(SyncStatusCode sync) => sync switch
    {
        SyncStatusCode.Synced => "to",
        SyncStatusCode.OutOfSync => "from",
        _ => "at",
    };
}
