namespace ServerlessDeploy.State;

/// <summary>
/// How an app compares with Git (Argo CD's status.sync.status), and what became of an app removed from the config
/// repository. Stored by name, as earlier versions wrote the text.
/// </summary>
public enum SyncStatusCode
{
    /// <summary>Not compared yet.</summary>
    Unknown,

    /// <summary>The cluster has what Git has at the app's revision.</summary>
    Synced,

    /// <summary>The cluster differs from Git, or the last sync failed.</summary>
    OutOfSync,

    /// <summary>Removed from the config repository; its resources were deleted.</summary>
    Removed,

    /// <summary>Removed from the config repository; its resources were left in place.</summary>
    Orphaned,
}
