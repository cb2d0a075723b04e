namespace ServerlessDeploy.Core.Sync;

/// <summary>Why a resource that Git or the cluster holds gets no task in the plan.</summary>
internal enum SkipReason
{
    /// <summary>Annotated <c>argocd.argoproj.io/hook: Skip</c>: never applied, and never pruned.</summary>
    SkipHook,

    /// <summary>A hook for another moment (PreDelete, PostDelete, Helm's pre-delete, test, …): not run by a sync.</summary>
    HookOutsideSync,

    /// <summary>Absent from Git but kept: the live object says <c>Prune=false</c> or <c>Delete=false</c>.</summary>
    PruneDisabledByResource,

    /// <summary>Absent from Git and would be pruned, but pruning is not enabled for this sync.</summary>
    PruneDisabled,
}
