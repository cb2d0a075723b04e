namespace ServerlessDeploy.Core.Engine;

/// <summary>One sync operation's choices: prune (also on when the app's automated policy says so), dry run, apply every resource, how long to wait for health.</summary>
public sealed record SyncRequest(bool Prune = false, bool DryRun = false, bool ApplyAll = false, TimeSpan? HealthTimeout = null)
{
    public TimeSpan Timeout => HealthTimeout ?? TimeSpan.FromMinutes(5);
}
