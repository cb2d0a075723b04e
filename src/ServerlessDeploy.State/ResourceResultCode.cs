namespace ServerlessDeploy.State;

/// <summary>
/// What a sync did to one resource, as the state records it: the engine's resource actions, stored as their wire text
/// (<see cref="ResourceResultCodeText"/>) so records written before either was an enum still read.
/// </summary>
public enum ResourceResultCode
{
    Unknown,
    Created,
    Configured,
    Recreated,
    Unchanged,
    HookCreated,
    HookDeleted,
    Pruned,
    PruneSkipped,
    RequiresPruning,
    Skipped,
    Failed,
    CreatedDryRun,
    ConfiguredDryRun,
    RecreatedDryRun,
    HookCreatedDryRun,
    PrunedDryRun,
    SkippedDryRun,
}
