using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Core.Cluster;
using ServerlessDeploy.Core.Diff.Ownership;
using ServerlessDeploy.Core.Resources;
using ServerlessDeploy.Core.Sync;
using ServerlessDeploy.Core.Tracking;

namespace ServerlessDeploy.Core.Engine;

/// <summary>
/// Carries out one sync task against the cluster: apply (server-side, forced), replace (with Force=true: delete and
/// create), create a hook, or prune. Validate=false writes with fieldValidation=Ignore.
/// </summary>
internal sealed class TaskRunner(IClusterClient cluster, ApplicationComparison comparison, bool dryRun, LiveReads reads, TimeProvider time)
{
    /// <summary>
    /// A hook with only generateName gets its name for this sync, and with it the tracking that the desired state
    /// could not stamp on a nameless object. Any other task is returned as it is.
    /// </summary>
    public SyncTask Named(SyncTask task, string revision, DateTimeOffset startedAt)
    {
        var named = task.WithGeneratedName(revision, startedAt);
        if (!ReferenceEquals(named, task))
        {
            AppTracking.Stamp(named.Manifest.Json, comparison.Application.Name, named.Key);
        }

        return named;
    }

    /// <param name="again">The task's step is run again after a crash: a hook it created then is found, not created twice.</param>
    public async Task<(ResourceResult Result, ResourceKey Key)> RunAsync(SyncTask task, bool again, CancellationToken cancellationToken)
    {
        if (!dryRun)
        {
            reads.Writing();
        }

        if (task.IsPrune)
        {
            return (await PruneAsync(task, cancellationToken), task.Key);
        }

        var lookup = TypeOf(task.Key) is { } known ? TypeLookup.Found(known) : await cluster.FindTypeAsync(task.Manifest.ApiVersion, task.Kind, cancellationToken);
        if (lookup.Unreadable is not null)
        {
            return (Failed(task, lookup.Unreadable), task.Key);
        }

        var type = lookup.Type;
        if (dryRun && await DryRunSkip.ReasonAsync(cluster, comparison, task, type, cancellationToken) is { } skipped)
        {
            return (Result(task, task.Key, ResourceAction.SkippedDryRun, true, skipped), task.Key);
        }

        if (type is null)
        {
            return (Failed(task, $"the cluster serves no kind {task.Kind} in {task.Manifest.ApiVersion}"), task.Key);
        }

        var validate = task.Options.Validate;
        var response = task.IsHook ? await cluster.CreateAsync(type, task.Manifest.Json, dryRun, validate, cancellationToken)
            : task.Options.Replace ? await ReplaceAsync(type, task, cancellationToken)
            : await ApplyAsync(type, task, validate, cancellationToken);
        if (ForcedOnly(task, response) is { } forced)
        {
            return (Result(task, task.Key, ResourceAction.RecreatedDryRun, true, forced), task.Key);
        }

        if (InNamespaceTheSyncCreates(response))
        {
            return (Result(task, task.Key, ResourceAction.CreatedDryRun, true, $"namespace {task.Key.Namespace} does not exist yet: the sync creates it"), task.Key);
        }

        if (again && task.IsHook && response.StatusCode == 409)
        {
            return (Result(task, task.Key, ResourceAction.HookCreated, true, "created before the sync was interrupted"), task.Key);
        }

        if (!response.Succeeded)
        {
            return (Failed(task, response.Message ?? response.ToString()), task.Key);
        }

        var created = response.Body is JsonObject body ? new Manifest(body).Key : task.Key;
        var action = task.IsHook ? ResourceAction.HookCreated : task.Live is null ? ResourceAction.Created : DeletesAndCreates(task) ? ResourceAction.Recreated : ResourceAction.Configured;
        return (Result(task, created, dryRun ? action.InDryRun() : action, true, ""), created);
    }

    /// <summary>Server-side apply, after taking over the fields kubectl's client-side apply or Argo CD owned in the live object.</summary>
    private async Task<ClusterResponse> ApplyAsync(ClusterResourceType type, SyncTask task, bool validate, CancellationToken cancellationToken)
    {
        if (!dryRun && task.Live is not null
            && await OwnershipTakeover.RunAsync(cluster, type, task.Live, comparison.Ownership.GetValueOrDefault(task.Key) ?? LiveOwnership.Of(task.Live), time, cancellationToken) is { Succeeded: false } refused)
        {
            return refused with { Message = $"taking over field ownership from {FieldManagers.ClientSideApply}/{FieldManagers.ArgoCd} failed, nothing was applied: {refused.Message ?? refused.ToString()}" };
        }

        return await cluster.ApplyAsync(type, task.Manifest.Json, new ApplyOptions(DryRun: dryRun, Validate: validate), cancellationToken);
    }

    private async Task<ClusterResponse> ReplaceAsync(ClusterResourceType type, SyncTask task, CancellationToken cancellationToken)
    {
        var validate = task.Options.Validate;
        if (task.Live is null)
        {
            return await cluster.CreateAsync(type, task.Manifest.Json, dryRun, validate, cancellationToken);
        }

        if (DeletesAndCreates(task) && !dryRun)
        {
            return await new ForceReplacement(cluster, time).ReplaceAsync(type, task.Key, task.Manifest.Json, validate, cancellationToken);
        }

        var replacement = (JsonObject)task.Manifest.Json.DeepClone();
        // A manifest always has its metadata (its name is there); the live resourceVersion makes the PUT an optimistic update.
        if (replacement["metadata"] is JsonObject metadata)
        {
            metadata["resourceVersion"] = task.Live["metadata"]?["resourceVersion"]?.DeepClone();
        }

        return await cluster.ReplaceAsync(type, replacement, dryRun, validate, cancellationToken);
    }

    /// <summary>Force=true with Replace=true on a live object: deleted and created again (never a CRD or a Namespace).</summary>
    private static bool DeletesAndCreates(SyncTask task) =>
        task.Options is { Force: true, Replace: true } && task.Live is not null && !task.IsHook && !ForceReplacement.NeverDeleted(task.Key);

    /// <summary>
    /// A dry run of a forced replace that the server refuses as invalid (an immutable field changed): the sync would
    /// delete and create the object instead, which a dry run cannot try. Null for every other answer.
    /// </summary>
    private string? ForcedOnly(SyncTask task, ClusterResponse response) =>
        dryRun && DeletesAndCreates(task) && response.StatusCode == 422
            ? $"Force=true: the server refuses to replace it in place ({response.Message}); the sync deletes it and creates it again"
            : null;

    private async Task<ResourceResult> PruneAsync(SyncTask task, CancellationToken cancellationToken)
    {
        if (dryRun)
        {
            return Result(task, task.Key, ResourceAction.PrunedDryRun, true, "");
        }

        var lookup = await cluster.FindTypeAsync(task.Manifest.ApiVersion, task.Kind, cancellationToken);
        if (lookup.Unreadable is not null)
        {
            return Failed(task, lookup.Unreadable);
        }

        var type = lookup.Type;
        var policy = comparison.Application.SyncPolicy.Options.PrunePropagationPolicy switch
        {
            "background" => "Background",
            "orphan" => "Orphan",
            _ => "Foreground",
        };
        var response = type is null ? null : await cluster.DeleteAsync(type, task.Key.Namespace, task.Key.Name, policy, cancellationToken);
        return response is { Succeeded: true } or { NotFound: true }
            ? Result(task, task.Key, ResourceAction.Pruned, true, "")
            : Failed(task, response?.Message ?? $"the cluster no longer serves {task.Kind}");
    }

    /// <summary>
    /// A dry run into the destination namespace that CreateNamespace=true would create: the server cannot check the
    /// resource before the namespace exists, and a real sync creates the namespace first.
    /// </summary>
    private bool InNamespaceTheSyncCreates(ClusterResponse response) =>
        dryRun && response.NotFound && comparison.Application.SyncPolicy.Options.CreateNamespace
        && response.Body?["details"] is JsonObject details && details["kind"]?.ToString() == "namespaces"
        && details["name"]?.ToString() == comparison.Application.Destination.Namespace;

    private ClusterResourceType? TypeOf(ResourceKey key) => comparison.Types.GetValueOrDefault(key);

    private static ResourceResult Failed(SyncTask task, string message) => Result(task, task.Key, ResourceAction.Failed, false, message);

    private static ResourceResult Result(SyncTask task, ResourceKey key, ResourceAction action, bool succeeded, string message) =>
        new(key, task.Phase, task.Wave, action, succeeded, message);
}
