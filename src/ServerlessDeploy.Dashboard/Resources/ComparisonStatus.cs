namespace ServerlessDeploy.Dashboard.Resources;

/// <summary>How a resource's live object stands to what Git renders, in Argo CD's words where it has them.</summary>
public enum ComparisonStatus
{
    Synced,
    OutOfSync,

    /// <summary>Git has it; the cluster does not.</summary>
    Missing,

    /// <summary>The cluster has it; Git (at the revision compared) does not.</summary>
    Extra,

    /// <summary>The cluster could not be read.</summary>
    Unknown,
}
