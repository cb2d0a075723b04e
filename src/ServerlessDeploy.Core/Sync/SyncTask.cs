using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Resources;
using ServerlessDeploy.Core.Sync.Hooks;
using ServerlessDeploy.Core.Sync.Options;
using ServerlessDeploy.Core.Sync.Waves;

namespace ServerlessDeploy.Core.Sync;

/// <summary>
/// One thing a sync does to one resource: apply the target from Git, create a hook afresh, or, when
/// <see cref="Target"/> is null, prune the live object.
/// </summary>
/// <param name="Target">The manifest from Git; null for a prune task.</param>
/// <param name="Live">The live object as last read; null when the cluster does not have it.</param>
/// <param name="IsHook">Created afresh in its phase on every sync, never pruned, not part of the regular resources.</param>
/// <param name="DeletePolicies">When a hook's object is deleted; None for anything but a hook.</param>
/// <param name="Options">The resource's sync options, with the application's Replace and PruneLast folded in.</param>
internal sealed record SyncTask(
    Manifest? Target, JsonObject? Live, SyncPhase Phase, int Wave, bool IsHook, HookDeletePolicies DeletePolicies, ResourceSyncOptions Options)
{
    public bool IsPrune => Target is null;

    /// <summary>
    /// Already matches Git under ApplyOutOfSyncOnly: not written, but kept in its step so the step's health gate
    /// still covers it. Hooks and prunes are never in sync.
    /// </summary>
    public bool InSync { get; init; }

    /// <summary>Whether the sync writes this task (applies, creates or prunes); false only for an in-sync resource.</summary>
    public bool Writes => !InSync;

    /// <summary>The target, or for a prune task the live object.</summary>
    public Manifest Manifest => Target ?? new Manifest(Live ?? throw new InvalidOperationException("A sync task needs a target or a live object."));

    public ResourceKey Key => Manifest.Key;

    public string Kind => Manifest.Kind;

    /// <summary>The name, or for a hook written with only <c>generateName</c>, that prefix.</summary>
    public string Name => ManifestNames.NameOrPrefix(Manifest);

    public SyncTaskSortKey SortKey
    {
        get
        {
            var manifest = Manifest;
            return new(Phase, Wave, IsPrune, KindOrder.Of(manifest.Kind), manifest.Kind, ManifestNames.NameOrPrefix(manifest), manifest.Namespace);
        }
    }

    /// <summary>A hook whose object from an earlier sync is still there and must go before the hook is created again.</summary>
    [MemberNotNullWhen(true, nameof(Live))]
    public bool DeleteBeforeCreation => IsHook && Live is not null && DeletePolicies.HasFlag(HookDeletePolicies.BeforeHookCreation);

    /// <summary>Whether this hook's object is deleted once the sync has succeeded (HookSucceeded) or failed (HookFailed).</summary>
    public bool DeleteAfterSync(bool succeeded) =>
        IsHook && DeletePolicies.HasFlag(succeeded ? HookDeletePolicies.HookSucceeded : HookDeletePolicies.HookFailed);

    /// <summary>
    /// For a hook with only <c>generateName</c>: the task with Argo CD's deterministic name set, so a resumed sync
    /// finds the hook it created. Any other task is returned as it is.
    /// </summary>
    public SyncTask WithGeneratedName(string revision, DateTimeOffset startedAt)
    {
        ArgumentNullException.ThrowIfNull(revision);
        if (Target is not { Name.Length: 0 } target || HookNames.GenerateNameOf(target.Json) is not { } prefix)
        {
            return this;
        }

        var name = HookNames.Generate(prefix, revision, Phase, startedAt);
        return this with { Target = new Manifest(HookNames.WithName(target.Json, name)) };
    }

    /// <summary>"PreSync/0 hook batch/Job:shop/migrate", "Sync/2 prune /ConfigMap:shop/old".</summary>
    public override string ToString()
    {
        var verb = IsPrune ? "prune" : IsHook ? "hook" : "apply";
        return $"{Phase}/{Wave} {verb} {ManifestNames.DisplayKey(Manifest)}";
    }
}
