using System.Collections.Frozen;
using ServerlessDeploy.Core.Resources;

namespace ServerlessDeploy.Core.Sync;

/// <summary>The application-level sync options that shape a plan (Argo CD's <c>syncPolicy</c> and sync flags).</summary>
internal sealed record SyncPlanOptions
{
    public static SyncPlanOptions Default { get; } = new();

    /// <summary>Delete live tracked resources that Git no longer holds. Off by default, as in Argo CD.</summary>
    public bool Prune { get; init; }

    /// <summary>Prune every resource in a final wave of the Sync phase, after everything else is applied.</summary>
    public bool PruneLast { get; init; }

    /// <summary>Do not write resources whose live object is already in sync (<see cref="InSync"/>); hooks and prunes always run.</summary>
    public bool ApplyOutOfSyncOnly { get; init; } = true;

    /// <summary>The keys whose live object matches Git, as the diff found them.</summary>
    public IReadOnlySet<ResourceKey> InSync { get; init; } = FrozenSet<ResourceKey>.Empty;

    /// <summary>Replace (or create) every resource instead of applying it.</summary>
    public bool Replace { get; init; }

    /// <summary>The application's Validate: false writes every resource with fieldValidation=Ignore.</summary>
    public bool Validate { get; init; } = true;

    /// <summary>The application's SkipDryRunOnMissingResource, for every resource.</summary>
    public bool SkipDryRunOnMissingResource { get; init; }

    /// <summary>The apply strategy ("apply only"): no hook is planned.</summary>
    public bool SkipHooks { get; init; }

    /// <summary>Force=true for every resource of this sync.</summary>
    public bool Force { get; init; }

    /// <summary>A selective sync's resources: the only ones planned, hooks left out; null plans them all.</summary>
    public IReadOnlySet<ResourceKey>? Selected { get; init; }
}
