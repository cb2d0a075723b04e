using ServerlessDeploy.Core.Sync.Cursor;

namespace ServerlessDeploy.Core.Engine;

/// <summary>
/// One sync operation's choices: prune (also on when the app's automated policy says so), dry run, apply every resource,
/// how long to wait for health. <see cref="StopBy"/> is when the host must have its answer (a Lambda deadline): a health
/// gate still pending then leaves the sync's cursor waiting (<see cref="SyncResult.IsWaiting"/>), and a later request
/// with that <see cref="Cursor"/> continues it. <see cref="Checkpoint"/> saves the cursor after every change.
/// </summary>
public sealed record SyncRequest(
    bool Prune = false,
    bool DryRun = false,
    bool ApplyAll = false,
    TimeSpan? HealthTimeout = null,
    DateTimeOffset? StopBy = null,
    SyncCursor? Cursor = null,
    ICursorCheckpoint? Checkpoint = null)
{
    public TimeSpan Timeout => HealthTimeout ?? TimeSpan.FromMinutes(5);

    /// <summary>The deploy request a new cursor carries out (its idempotency key); empty outside the pipeline.</summary>
    public string DeploymentId { get; init; } = "";

    /// <summary>How soon a health gate that passed <see cref="StopBy"/> is looked at again: its wake-up's time.</summary>
    public TimeSpan LookAgainAfter { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The version a new cursor starts at: one past the app's previous cursor, so writing it supersedes that one.</summary>
    public long FirstVersion { get; init; } = 1;

    /// <summary>
    /// The comparison the caller has just made of these manifests (a drift check deciding to self-heal): the first
    /// attempt syncs from it instead of rendering and comparing again; a retry compares afresh.
    /// </summary>
    public ApplicationComparison? Compared { get; init; }

    /// <summary>Argo CD's "apply only" (the apply sync strategy): the resources are applied, no hook runs.</summary>
    public bool SkipHooks { get; init; }

    /// <summary>Argo CD's "force", for every resource: delete and create again, which needs Replace (as Argo CD refuses it with server-side apply).</summary>
    public bool Force { get; init; }

    /// <summary>Argo CD's selective sync: only these resources are applied or pruned, and no hook runs; null syncs them all.</summary>
    public IReadOnlySet<Resources.ResourceKey>? Selected { get; init; }
}
