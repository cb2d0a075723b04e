namespace ServerlessDeploy.Core.Applications;

/// <summary>spec.syncPolicy: automation, sync options and retries.</summary>
public sealed record SyncPolicy(AutomatedSync? Automated, ApplicationSyncOptions Options, RetryPolicy? Retry)
{
    public static SyncPolicy Manual { get; } = new(null, ApplicationSyncOptions.Default, null);
}

/// <summary>spec.syncPolicy.automated.</summary>
public sealed record AutomatedSync(bool Prune, bool SelfHeal, bool AllowEmpty);

/// <summary>spec.syncPolicy.syncOptions at the application level. Server-side apply is on by default here.</summary>
public sealed record ApplicationSyncOptions(
    bool CreateNamespace,
    bool PruneLast,
    bool ApplyOutOfSyncOnly,
    string PrunePropagationPolicy,
    bool Replace,
    bool ServerSideApply)
{
    public static ApplicationSyncOptions Default { get; } = new(false, false, true, "foreground", false, true);
}

/// <summary>spec.syncPolicy.retry: how often and how far apart a failed sync is tried again.</summary>
public sealed record RetryPolicy(int Limit, TimeSpan Duration, int Factor, TimeSpan MaxDuration);

/// <summary>spec.ignoreDifferences: fields of matching resources that diff leaves out.</summary>
public sealed record IgnoreDifference(
    string Group,
    string Kind,
    string? Name,
    string? Namespace,
    IReadOnlyList<string> JsonPointers,
    IReadOnlyList<string> ManagedFieldsManagers);
