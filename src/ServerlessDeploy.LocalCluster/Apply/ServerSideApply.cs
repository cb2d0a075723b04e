using System.Text.Json.Nodes;
using ServerlessDeploy.LocalCluster.Api;
using ServerlessDeploy.LocalCluster.Resources;

namespace ServerlessDeploy.LocalCluster.Apply;

/// <summary>
/// Server-side apply as kube-apiserver does it: the manager's configuration is merged into the live object; a field
/// another manager owns with a different value is a conflict unless forced (then ownership moves); a field the manager
/// applied before and no longer applies is removed unless someone else owns it.
/// </summary>
internal static class ServerSideApply
{
    /// <param name="config">The configuration as admission left it (defaults filled in): what is merged.</param>
    /// <param name="sent">The configuration as the manager sent it: what the manager comes to own.</param>
    public static JsonObject Apply(ResourceType type, JsonObject? live, JsonObject config, JsonObject sent, string manager, bool force, string time)
    {
        var schema = SchemaNode.Root(type);
        var applied = FieldSetBuilder.Of(sent, schema);
        var entries = live is null ? [] : ManagedFields.Read(live);
        var self = new ManagedFieldsEntry(manager, "Apply", type.GroupVersion, time, null, applied);
        var previous = entries.FirstOrDefault(e => e.SameOwner(self))?.Fields ?? new HashSet<string>();
        var merged = live is null ? config.DeepClone().AsObject() : ApplyMerge.MergeRoot(live, config, schema);

        // Status entries own status fields, which an apply never sets; a scale entry's spec.replicas conflicts like any other.
        var others = entries.Where(e => !e.SameOwner(self) && e.Subresource != "status" && e.Manager != manager).ToList();
        var conflicts = Conflicts(others, applied, live, merged);
        if (conflicts.Count > 0 && !force)
        {
            throw ConflictError(type, live, conflicts);
        }

        entries = entries.Select(e => conflicts.Any(c => c.Entry == e)
            ? e with { Fields = e.Fields.Except(conflicts.Where(c => c.Entry == e).Select(c => c.Path)).ToHashSet(StringComparer.Ordinal) }
            : e).ToList();
        RemoveAbandoned(merged, previous.Except(applied).ToList(), entries.Where(e => !e.SameOwner(self)).SelectMany(e => e.Fields).ToHashSet(StringComparer.Ordinal));

        var index = entries.FindIndex(e => e.SameOwner(self));
        if (index >= 0)
        {
            entries[index] = self;
        }
        else
        {
            entries.Add(self);
        }

        ManagedFields.Write(merged, entries);
        return merged;
    }

    private static List<(ManagedFieldsEntry Entry, string Path)> Conflicts(
        List<ManagedFieldsEntry> others, HashSet<string> applied, JsonObject? live, JsonObject merged) =>
        others.SelectMany(e => e.Fields.Where(applied.Contains)
                .Where(p => !p.EndsWith(FieldPaths.Self, StringComparison.Ordinal) && !FieldOwnership.SameValue(live, merged, p))
                .Select(p => (e, p)))
            .ToList();

    /// <summary>Removes fields the manager stopped applying that no other manager owns; whole list items first (only when nothing in them is owned), so an item's key fields are not removed before the item is found.</summary>
    private static void RemoveAbandoned(JsonObject merged, List<string> abandoned, HashSet<string> ownedByOthers)
    {
        foreach (var path in abandoned.Where(p => p.EndsWith(FieldPaths.Self, StringComparison.Ordinal)))
        {
            var item = path[..^(FieldPaths.Self.Length + 1)];
            if (!ownedByOthers.Any(p => p.StartsWith(item + FieldPaths.Separator, StringComparison.Ordinal)))
            {
                FieldNavigator.Remove(merged, path);
            }
        }

        foreach (var path in abandoned.Where(p => !p.EndsWith(FieldPaths.Self, StringComparison.Ordinal) && !ownedByOthers.Contains(p) && !IsItemKey(p)))
        {
            FieldNavigator.Remove(merged, path);
        }
    }

    /// <summary>True for a key field of a list-map item (the name of k:{"name":"web"}): it goes only with its item.</summary>
    private static bool IsItemKey(string path)
    {
        var segments = FieldPaths.Segments(path);
        return segments.Length > 1 && segments[^2].StartsWith("k:", StringComparison.Ordinal) && segments[^1].StartsWith("f:", StringComparison.Ordinal)
            && JsonNode.Parse(segments[^2][2..]) is JsonObject key && key.ContainsKey(segments[^1][2..]);
    }

    /// <param name="live">The object as stored (there is one whenever another manager's fields conflict).</param>
    private static StatusException ConflictError(ResourceType type, JsonObject? live, List<(ManagedFieldsEntry Entry, string Path)> conflicts)
    {
        var byManager = conflicts.GroupBy(c => Who(c.Entry)).ToList();
        var summary = byManager.Count == 1 && conflicts.Count == 1
            ? $"conflict with {Who(conflicts[0].Entry)}: {FieldPaths.Describe(conflicts[0].Path)}"
            : string.Join("\n", byManager.Select(g =>
                $"conflicts with {g.Key}:\n" + string.Join("\n", g.Select(c => "- " + FieldPaths.Describe(c.Path)))));
        var plural = conflicts.Count == 1 ? "conflict" : "conflicts";
        var details = new JsonObject
        {
            ["name"] = live?["metadata"]?["name"]?.ToString(),
            ["group"] = type.Group,
            ["kind"] = type.Plural,
            ["causes"] = new JsonArray(conflicts.Select(c => (JsonNode)new JsonObject
            {
                ["reason"] = "FieldManagerConflict",
                ["message"] = $"conflict with {Who(c.Entry)}",
                ["field"] = FieldPaths.Describe(c.Path),
            }).ToArray()),
        };
        return new StatusException(409, "Conflict", $"Apply failed with {conflicts.Count} {plural}: {summary}", details);
    }

    /// <summary>A conflicting manager as kube-apiserver names it: "kubectl" with subresource "scale" using apps/v1.</summary>
    private static string Who(ManagedFieldsEntry entry) =>
        entry.Subresource is null
            ? $"\"{entry.Manager}\" using {entry.ApiVersion}"
            : $"\"{entry.Manager}\" with subresource \"{entry.Subresource}\" using {entry.ApiVersion}";
}
