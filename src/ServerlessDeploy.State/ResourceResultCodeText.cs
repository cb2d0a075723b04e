namespace ServerlessDeploy.State;

/// <summary>The wire text of each <see cref="ResourceResultCode"/>, spelled out (no reflection), byte for byte what earlier versions wrote.</summary>
public static class ResourceResultCodeText
{
    public static string Text(this ResourceResultCode code) => code switch
    {
        ResourceResultCode.Created => "created",
        ResourceResultCode.Configured => "configured",
        ResourceResultCode.Recreated => "recreated",
        ResourceResultCode.Unchanged => "unchanged",
        ResourceResultCode.HookCreated => "hook created",
        ResourceResultCode.HookDeleted => "hook deleted",
        ResourceResultCode.Pruned => "pruned",
        ResourceResultCode.PruneSkipped => "prune skipped",
        ResourceResultCode.RequiresPruning => "requires pruning",
        ResourceResultCode.Skipped => "skipped",
        ResourceResultCode.Failed => "failed",
        ResourceResultCode.CreatedDryRun => "created (dry run)",
        ResourceResultCode.ConfiguredDryRun => "configured (dry run)",
        ResourceResultCode.RecreatedDryRun => "recreated (dry run)",
        ResourceResultCode.HookCreatedDryRun => "hook created (dry run)",
        ResourceResultCode.PrunedDryRun => "pruned (dry run)",
        ResourceResultCode.SkippedDryRun => "skipped (dry run)",
        _ => "unknown",
    };

    /// <summary>The code a wire text names; <see cref="ResourceResultCode.Unknown"/> for any other text.</summary>
    public static ResourceResultCode Parse(string? text) => text switch
    {
        "created" => ResourceResultCode.Created,
        "configured" => ResourceResultCode.Configured,
        "recreated" => ResourceResultCode.Recreated,
        "unchanged" => ResourceResultCode.Unchanged,
        "hook created" => ResourceResultCode.HookCreated,
        "hook deleted" => ResourceResultCode.HookDeleted,
        "pruned" => ResourceResultCode.Pruned,
        "prune skipped" => ResourceResultCode.PruneSkipped,
        "requires pruning" => ResourceResultCode.RequiresPruning,
        "skipped" => ResourceResultCode.Skipped,
        "failed" => ResourceResultCode.Failed,
        "created (dry run)" => ResourceResultCode.CreatedDryRun,
        "configured (dry run)" => ResourceResultCode.ConfiguredDryRun,
        "recreated (dry run)" => ResourceResultCode.RecreatedDryRun,
        "hook created (dry run)" => ResourceResultCode.HookCreatedDryRun,
        "pruned (dry run)" => ResourceResultCode.PrunedDryRun,
        "skipped (dry run)" => ResourceResultCode.SkippedDryRun,
        _ => ResourceResultCode.Unknown,
    };
}
