using System.Globalization;
using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Cluster;
using ServerlessDeploy.Core.Diff.Ownership;

namespace ServerlessDeploy.Core.Engine;

/// <summary>
/// Before the apply of an object another tool applied (kubectl's client-side apply, Argo CD), moves that tool's
/// fields to our manager's apply entry and drops its entries, in one JSON patch of metadata.managedFields guarded by
/// the resourceVersion read — Argo CD 3.3's client-side apply migration, and kubectl's csaupgrade. The apply that
/// follows then removes whatever of those fields Git no longer sets.
/// </summary>
internal static class OwnershipTakeover
{
    /// <param name="ownership">The live object's owners as the comparison read them.</param>
    /// <returns>Null when there is nothing to take over; else the patch's response.</returns>
    public static async Task<ClusterResponse?> RunAsync(
        IClusterClient cluster, ClusterResourceType type, JsonObject live, LiveOwnership ownership, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!ownership.NeedsTakeover)
        {
            return null;
        }

        // The constructor, not a collection initializer: that would call JsonArray.Add<T>, which converts by reflection.
        var patch = new JsonArray(
            new JsonObject { ["op"] = "test", ["path"] = "/metadata/resourceVersion", ["value"] = live["metadata"]?["resourceVersion"]?.DeepClone() },
            new JsonObject { ["op"] = "add", ["path"] = "/metadata/managedFields", ["value"] = Entries(live, ownership, time) });
        return await cluster.JsonPatchAsync(type, live["metadata"]?["namespace"]?.ToString() ?? "", live["metadata"]?["name"]?.ToString() ?? "", patch, cancellationToken);
    }

    private static JsonArray Entries(JsonObject live, LiveOwnership ownership, TimeProvider time)
    {
        var entries = new JsonArray();
        var placed = false;
        foreach (var entry in (live["metadata"]?["managedFields"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (ownership.TakenOverEntries.Contains(entry))
            {
                continue;
            }

            var copy = (JsonObject)entry.DeepClone();
            if (!placed && IsOurs(entry))
            {
                copy["fieldsV1"] = ownership.Git.ToFieldsV1();
                placed = true;
            }

            // As a JsonNode: a JsonObject would bind to JsonArray.Add<T>, which converts by reflection (not AOT-safe).
            entries.Add((JsonNode)copy);
        }

        if (!placed)
        {
            entries.Add((JsonNode)new JsonObject
            {
                ["manager"] = FieldManagers.Ours,
                ["operation"] = "Apply",
                ["apiVersion"] = live["apiVersion"]?.DeepClone(),
                ["time"] = time.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                ["fieldsType"] = "FieldsV1",
                ["fieldsV1"] = ownership.Git.ToFieldsV1(),
            });
        }

        return entries;
    }

    private static bool IsOurs(JsonObject entry) =>
        entry["manager"]?.ToString() == FieldManagers.Ours && entry["operation"]?.ToString() == "Apply" && entry["subresource"] is null;
}
