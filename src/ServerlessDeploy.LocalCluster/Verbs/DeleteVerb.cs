using System.Text.Json.Nodes;
using ServerlessDeploy.LocalCluster.Api;
using ServerlessDeploy.LocalCluster.Objects;
using ServerlessDeploy.LocalCluster.Resources;
using ServerlessDeploy.LocalCluster.Storage;

namespace ServerlessDeploy.LocalCluster.Verbs;

/// <summary>
/// DELETE of an object: removed at once when nothing holds it, else marked with a deletionTimestamp until its finalizers
/// are cleared. Foreground and Orphan propagation add the finalizers the garbage collector acts on, as in Kubernetes.
/// </summary>
internal sealed class DeleteVerb(ClusterState cluster, Reactions reactions)
{
    public StoreResult Delete(ResourceType type, string ns, string name, DeleteOptions options)
    {
        var result = cluster.Store.Change(type, ns, name, current => Decide(type, name, current, options), options.DryRun);
        if (!options.DryRun)
        {
            reactions.AfterChange(type, result);
        }

        return result;
    }

    /// <summary>The Status kube-apiserver answers with when an object was removed at once.</summary>
    public static JsonObject Success(ResourceType type, JsonObject removed) => new()
    {
        ["kind"] = "Status",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject(),
        ["status"] = "Success",
        ["details"] = new JsonObject
        {
            ["name"] = removed.Name(),
            ["group"] = type.Group,
            ["kind"] = type.Plural,
            ["uid"] = removed.Uid(),
        },
    };

    private StoreChange Decide(ResourceType type, string name, JsonObject? current, DeleteOptions options)
    {
        if (current is null)
        {
            throw Errors.NotFound(type, name);
        }

        CheckPreconditions(type, current, options);
        if (current.IsDeleting())
        {
            return new StoreChange.Keep(current);
        }

        var finalizer = options.PropagationPolicy switch
        {
            "Foreground" => "foregroundDeletion",
            "Orphan" => "orphan",
            _ => null,
        };
        if (finalizer is null && !UpdateDecision.HasFinalizers(current))
        {
            return new StoreChange.Remove(current);
        }

        var metadata = current.Metadata();
        if (finalizer is not null && !current.Finalizers().Contains(finalizer))
        {
            var finalizers = metadata["finalizers"] as JsonArray ?? [];
            finalizers.Add(finalizer);
            metadata["finalizers"] = finalizers;
        }

        metadata["deletionTimestamp"] = ObjectFields.Timestamp(cluster.Now);
        metadata["deletionGracePeriodSeconds"] = 0;
        if (type is { Group: "", Plural: "namespaces" })
        {
            current["status"] = new JsonObject { ["phase"] = "Terminating" };
        }

        return new StoreChange.Write(current);
    }

    private static void CheckPreconditions(ResourceType type, JsonObject current, DeleteOptions options)
    {
        if (options.PreconditionUid is { } uid && uid != current.Uid())
        {
            throw Errors.Conflict(type, current.Name(), $"Precondition failed: UID in precondition: {uid}, UID in object meta: {current.Uid()}");
        }

        if (options.PreconditionResourceVersion is { } rv && rv != current.ResourceVersion())
        {
            throw Errors.Conflict(type, current.Name(), $"Precondition failed: ResourceVersion in precondition: {rv}, ResourceVersion in object meta: {current.ResourceVersion()}");
        }
    }
}
