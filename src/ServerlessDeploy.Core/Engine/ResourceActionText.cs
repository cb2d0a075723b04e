namespace ServerlessDeploy.Core.Engine;

/// <summary>
/// The wire text of each <see cref="ResourceAction"/>, spelled out (no reflection): what the state stores keep and the
/// CLI shows, byte for byte what earlier versions wrote.
/// </summary>
public static class ResourceActionText
{
    public static string Text(this ResourceAction action) => action switch
    {
        ResourceAction.Created => "created",
        ResourceAction.Configured => "configured",
        ResourceAction.Recreated => "recreated",
        ResourceAction.Unchanged => "unchanged",
        ResourceAction.HookCreated => "hook created",
        ResourceAction.HookDeleted => "hook deleted",
        ResourceAction.Pruned => "pruned",
        ResourceAction.PruneSkipped => "prune skipped",
        ResourceAction.RequiresPruning => "requires pruning",
        ResourceAction.Skipped => "skipped",
        ResourceAction.Failed => "failed",
        ResourceAction.CreatedDryRun => "created (dry run)",
        ResourceAction.ConfiguredDryRun => "configured (dry run)",
        ResourceAction.RecreatedDryRun => "recreated (dry run)",
        ResourceAction.HookCreatedDryRun => "hook created (dry run)",
        ResourceAction.PrunedDryRun => "pruned (dry run)",
        ResourceAction.SkippedDryRun => "skipped (dry run)",
        _ => "unknown",
    };

    /// <summary>The action a wire text names; <see cref="ResourceAction.Unknown"/> for any other text.</summary>
    public static ResourceAction Parse(string? text) => text switch
    {
        "created" => ResourceAction.Created,
        "configured" => ResourceAction.Configured,
        "recreated" => ResourceAction.Recreated,
        "unchanged" => ResourceAction.Unchanged,
        "hook created" => ResourceAction.HookCreated,
        "hook deleted" => ResourceAction.HookDeleted,
        "pruned" => ResourceAction.Pruned,
        "prune skipped" => ResourceAction.PruneSkipped,
        "requires pruning" => ResourceAction.RequiresPruning,
        "skipped" => ResourceAction.Skipped,
        "failed" => ResourceAction.Failed,
        "created (dry run)" => ResourceAction.CreatedDryRun,
        "configured (dry run)" => ResourceAction.ConfiguredDryRun,
        "recreated (dry run)" => ResourceAction.RecreatedDryRun,
        "hook created (dry run)" => ResourceAction.HookCreatedDryRun,
        "pruned (dry run)" => ResourceAction.PrunedDryRun,
        "skipped (dry run)" => ResourceAction.SkippedDryRun,
        _ => ResourceAction.Unknown,
    };

    /// <summary>The same action in a dry run: <see cref="ResourceAction.Created"/> becomes <see cref="ResourceAction.CreatedDryRun"/>.</summary>
    public static ResourceAction InDryRun(this ResourceAction action) => action switch
    {
        ResourceAction.Created => ResourceAction.CreatedDryRun,
        ResourceAction.Configured => ResourceAction.ConfiguredDryRun,
        ResourceAction.Recreated => ResourceAction.RecreatedDryRun,
        ResourceAction.HookCreated => ResourceAction.HookCreatedDryRun,
        ResourceAction.Pruned => ResourceAction.PrunedDryRun,
        ResourceAction.Skipped => ResourceAction.SkippedDryRun,
        _ => action,
    };
}
