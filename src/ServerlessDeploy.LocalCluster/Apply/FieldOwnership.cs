using System.Text.Json.Nodes;
using ServerlessDeploy.LocalCluster.Resources;

namespace ServerlessDeploy.LocalCluster.Apply;

/// <summary>
/// Ownership after a create, update or non-apply patch: the writer takes the fields it changed (operation Update),
/// every other manager loses them, and nobody keeps a field that is gone. A write through a subresource (scale) is
/// recorded as that subresource's own entry, as kube-apiserver records it. Entries the writer changed itself are taken as sent.
/// </summary>
internal static class FieldOwnership
{
    public static void RecordUpdate(ResourceType type, JsonObject? old, JsonObject next, string manager, string time, string? subresource = null)
    {
        var schema = SchemaNode.Root(type);
        var present = FieldSetBuilder.Of(next, schema);
        var changed = present.Where(p => old is null || !SameValue(old, next, p)).ToHashSet(StringComparer.Ordinal);
        var writer = new ManagedFieldsEntry(manager, "Update", type.GroupVersion, time, subresource, changed);
        var entries = Base(old, next)
            // Status entries own status fields, which FieldSetBuilder does not see: they are kept as they are.
            .Select(e => e.Subresource == "status" ? e : e with
            {
                Fields = e.Fields.Where(p => present.Contains(p) && (e.SameOwner(writer) || !changed.Contains(p))).ToHashSet(StringComparer.Ordinal),
            })
            .ToList();
        var index = entries.FindIndex(e => e.SameOwner(writer));
        if (index >= 0)
        {
            var merged = entries[index].Fields.Union(changed).ToHashSet(StringComparer.Ordinal);
            entries[index] = writer with { Fields = merged };
        }
        else if (changed.Count > 0)
        {
            entries.Add(writer);
        }

        ManagedFields.Write(next, entries);
    }

    /// <summary>
    /// The entries to start from: the ones the writer sent when it changed them (that is how kubectl's csaupgrade and
    /// Argo CD's client-side apply migration move ownership), else the stored ones; an empty list never clears them.
    /// </summary>
    private static List<ManagedFieldsEntry> Base(JsonObject? old, JsonObject next)
    {
        var sent = next["metadata"]?["managedFields"] as JsonArray;
        var stored = old?["metadata"]?["managedFields"];
        if (sent is { Count: > 0 } && !JsonNode.DeepEquals(sent, stored))
        {
            return ManagedFields.Read(next);
        }

        return old is null ? [] : ManagedFields.Read(old);
    }

    public static bool SameValue(JsonNode? a, JsonNode? b, string path)
    {
        var left = FieldNavigator.ValueAt(a, path);
        var right = FieldNavigator.ValueAt(b, path);
        return left.Found == right.Found && JsonNode.DeepEquals(left.Value, right.Value);
    }
}
