namespace ServerlessDeploy.Core.Diff;

/// <summary>How a resource compares with Git, in Argo CD's words.</summary>
public enum SyncStatus
{
    /// <summary>The live object has every field Git specifies, with Git's values.</summary>
    Synced,

    /// <summary>The live object differs from Git in at least one field Git specifies.</summary>
    OutOfSync,

    /// <summary>Git has it; the cluster does not.</summary>
    Missing,

    /// <summary>The application tracks it in the cluster, but Git no longer has it (pruned when prune is on).</summary>
    Extraneous,
}
