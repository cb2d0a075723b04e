using System.Text.Json.Nodes;
using ServerlessDeploy.LocalCluster.Api;
using ServerlessDeploy.LocalCluster.Apply;
using ServerlessDeploy.LocalCluster.Objects;
using ServerlessDeploy.LocalCluster.Resources;
using ServerlessDeploy.LocalCluster.Storage;

namespace ServerlessDeploy.LocalCluster.Verbs;

/// <summary>How an update (PUT or patch) of a stored object turns into a store change.</summary>
internal static class UpdateDecision
{
    /// <param name="manager">The writer to record in managedFields; null for the simulated controllers' own writes.</param>
    public static StoreChange Decide(ResourceType type, JsonObject current, JsonObject next, string? subresource, string? manager = null, string? time = null)
    {
        var expected = next.ResourceVersion();
        if (expected.Length > 0 && expected != current.ResourceVersion())
        {
            throw Errors.Modified(type, current.Name());
        }

        if (next.Name() != current.Name())
        {
            throw Errors.BadRequest($"the name of the object ({next.Name()}) does not match the name on the URL ({current.Name()})");
        }

        if (type.ModelType is { } model)
        {
            GoOmitEmpty.Prune(next, model);
        }

        if (manager is not null && subresource is null)
        {
            Admission.ImmutableFields.Check(type, current, next);
        }

        ObjectLifecycle.PrepareUpdate(type, current, next, subresource);
        // Status fields are not tracked here (FieldSetBuilder leaves status out), so a status write records nobody.
        if (manager is not null && subresource != "status")
        {
            FieldOwnership.RecordUpdate(type, current, next, manager, time ?? "", subresource);
        }

        next.Metadata()["resourceVersion"] = current.ResourceVersion();
        if (next.IsDeleting() && !HasFinalizers(next))
        {
            return new StoreChange.Remove(next);
        }

        return JsonNode.DeepEquals(current, next) ? new StoreChange.Keep(current) : new StoreChange.Write(next);
    }

    /// <summary>Metadata finalizers, and for namespaces the spec finalizers the namespace controller clears.</summary>
    public static bool HasFinalizers(JsonObject obj) =>
        obj.Finalizers().Count > 0 || (obj["spec"]?["finalizers"] as JsonArray)?.Count > 0;
}
