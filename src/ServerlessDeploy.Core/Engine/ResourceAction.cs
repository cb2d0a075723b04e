namespace ServerlessDeploy.Core.Engine;

/// <summary>
/// What a sync did to one resource, in kubectl's and Argo CD's words (the RESULT column of <c>argocd app sync</c>).
/// A dry run's actions are their own values: nothing was changed. <see cref="ResourceActionText"/> gives each its
/// wire text, the one the state stores, the CLI and the notifications keep.
/// </summary>
public enum ResourceAction
{
    /// <summary>A text that is none of the others (a record written by another version): <c>unknown</c>.</summary>
    Unknown,

    /// <summary><c>created</c>: the object did not exist and was created.</summary>
    Created,

    /// <summary><c>configured</c>: the live object was applied over.</summary>
    Configured,

    /// <summary><c>recreated</c>: Force=true with Replace=true deleted the live object and created it again.</summary>
    Recreated,

    /// <summary><c>unchanged</c>: kubectl's word for an object the sync left as it was.</summary>
    Unchanged,

    /// <summary><c>hook created</c>: a hook's object was created for its phase.</summary>
    HookCreated,

    /// <summary><c>hook deleted</c>: a hook's object was deleted by its deletion policy.</summary>
    HookDeleted,

    /// <summary><c>pruned</c>: the object Git no longer has was deleted.</summary>
    Pruned,

    /// <summary><c>prune skipped</c>: a removed app's resource that says Prune=false was left in place.</summary>
    PruneSkipped,

    /// <summary><c>requires pruning</c>: Git no longer has the object and the sync does not prune.</summary>
    RequiresPruning,

    /// <summary><c>skipped</c>: the plan left the object out.</summary>
    Skipped,

    /// <summary><c>failed</c>: the cluster refused the write (the result's message says why).</summary>
    Failed,

    /// <summary><c>created (dry run)</c>.</summary>
    CreatedDryRun,

    /// <summary><c>configured (dry run)</c>.</summary>
    ConfiguredDryRun,

    /// <summary><c>recreated (dry run)</c>.</summary>
    RecreatedDryRun,

    /// <summary><c>hook created (dry run)</c>.</summary>
    HookCreatedDryRun,

    /// <summary><c>pruned (dry run)</c>.</summary>
    PrunedDryRun,

    /// <summary><c>skipped (dry run)</c>: the server cannot check the object before the sync creates what it needs.</summary>
    SkippedDryRun,
}
