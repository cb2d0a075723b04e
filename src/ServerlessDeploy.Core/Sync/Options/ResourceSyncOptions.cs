namespace ServerlessDeploy.Core.Sync.Options;

/// <summary>
/// A resource's <c>argocd.argoproj.io/sync-options</c> and <c>argocd.argoproj.io/compare-options</c>, typed. In a
/// <see cref="SyncTask"/>, the application-level Replace and PruneLast are folded in.
/// </summary>
public sealed record ResourceSyncOptions
{
    public static ResourceSyncOptions Default { get; } = new();

    /// <summary><c>Prune=false</c>: never prune this resource.</summary>
    public bool Prune { get; init; } = true;

    /// <summary><c>Delete=false</c>: never delete this resource, neither by prune nor when the application goes.</summary>
    public bool Delete { get; init; } = true;

    /// <summary><c>PruneLast=true</c>: prune in the final wave, after everything else.</summary>
    public bool PruneLast { get; init; }

    /// <summary><c>Replace=true</c>: replace (or create) instead of apply.</summary>
    public bool Replace { get; init; }

    /// <summary><c>ServerSideApply=true|false</c>; null when the resource does not say (the application decides).</summary>
    public bool? ServerSideApply { get; init; }

    /// <summary><c>Force=true</c>: delete and recreate when an apply or replace is refused.</summary>
    public bool Force { get; init; }

    /// <summary><c>SkipDryRunOnMissingResource=true</c>: skip the dry run when the kind is not known yet (its CRD comes in this sync).</summary>
    public bool SkipDryRunOnMissingResource { get; init; }

    /// <summary><c>Validate=false</c>: apply without schema validation.</summary>
    public bool Validate { get; init; } = true;

    /// <summary>Compare option <c>IgnoreExtraneous</c>: this resource does not make the application OutOfSync.</summary>
    public bool IgnoreExtraneous { get; init; }

    /// <summary>Compare option <c>ServerSideDiff=true|false</c>; null when the resource does not say.</summary>
    public bool? ServerSideDiff { get; init; }

    /// <summary>Compare option <c>IncludeMutationWebhook=true</c>: with server-side diff, keep changes made by mutating webhooks.</summary>
    public bool IncludeMutationWebhook { get; init; }
}
