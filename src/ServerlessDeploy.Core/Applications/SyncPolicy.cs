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

    /// <summary><c>Validate=false</c>: every resource is written with fieldValidation=Ignore instead of Strict.</summary>
    public bool Validate { get; init; } = true;

    /// <summary><c>SkipDryRunOnMissingResource=true</c>: a kind the cluster does not serve yet is no plan failure for any resource.</summary>
    public bool SkipDryRunOnMissingResource { get; init; }

    /// <summary><c>FailOnSharedResource=true</c>: a resource another application tracks fails the sync (always so here).</summary>
    public bool FailOnSharedResource { get; init; }

    /// <summary><c>RespectIgnoreDifferences=true</c>: fields spec.ignoreDifferences names keep their live values when applied.</summary>
    public bool RespectIgnoreDifferences { get; init; }

    /// <summary>
    /// <c>CreateRolloutCRD=false</c> turns off what is on by default: on a cluster that serves no argoproj.io Rollout, the
    /// sync of an application with Rollouts first applies the project's own definition of the kind.
    /// </summary>
    public bool CreateRolloutCRD { get; init; } = true;
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
