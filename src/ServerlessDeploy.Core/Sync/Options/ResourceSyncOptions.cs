namespace ServerlessDeploy.Core.Sync.Options;

/// <summary>
/// A resource's <c>argocd.argoproj.io/sync-options</c> and <c>argocd.argoproj.io/compare-options</c>, typed. In a
/// <see cref="SyncTask"/>, the application-level Replace, PruneLast, Validate and SkipDryRunOnMissingResource are folded in.
/// </summary>
internal sealed record ResourceSyncOptions
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

    /// <summary><c>Force=true</c>, with Replace=true: delete the live object and create it again (kubectl replace --force).</summary>
    public bool Force { get; init; }

    /// <summary>
    /// <c>SkipDryRunOnMissingResource=true</c>: a kind the cluster does not serve yet (its CRD comes later, e.g. from a
    /// controller) is no plan failure; the resource is applied in its turn and fails then only if the kind is still missing.
    /// </summary>
    public bool SkipDryRunOnMissingResource { get; init; }

    /// <summary><c>Validate=false</c>: write with fieldValidation=Ignore, so fields the kind does not declare are dropped, not refused.</summary>
    public bool Validate { get; init; } = true;

    /// <summary>Compare option <c>IgnoreExtraneous</c>: when this live resource is extraneous (Git no longer has it), it does not make the application OutOfSync.</summary>
    public bool IgnoreExtraneous { get; init; }
}
