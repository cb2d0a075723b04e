namespace ServerlessDeploy.Core.Engine;

/// <summary>
/// One sync operation's choices: prune (also on when the app's automated policy says so), dry run, apply every resource,
/// how long to wait for health. <see cref="StopBy"/> is when the host must have its answer (a Lambda deadline): a health
/// wait still pending then stops the sync with <see cref="SyncResult.Suspended"/> set, and a later request with
/// <see cref="Resume"/> continues it.
/// </summary>
public sealed record SyncRequest(
    bool Prune = false,
    bool DryRun = false,
    bool ApplyAll = false,
    TimeSpan? HealthTimeout = null,
    DateTimeOffset? StopBy = null,
    SyncResume? Resume = null)
{
    public TimeSpan Timeout => HealthTimeout ?? TimeSpan.FromMinutes(5);
}
