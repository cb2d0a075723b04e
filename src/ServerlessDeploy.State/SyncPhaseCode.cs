namespace ServerlessDeploy.State;

/// <summary>The sync phase a resource was applied in (Argo CD's hook phases), as the state records it. Stored by name.</summary>
public enum SyncPhaseCode
{
    PreSync,
    Sync,
    PostSync,
    SyncFail,
}
