using System.Text.Json.Nodes;
using ServerlessDeploy.LocalCluster.Objects;

namespace ServerlessDeploy.LocalCluster.Apply;

/// <summary>Reads and writes metadata.managedFields, converting field sets to and from the FieldsV1 trie.</summary>
internal static class ManagedFields
{
    public static List<ManagedFieldsEntry> Read(JsonObject obj) =>
        (obj.Metadata()["managedFields"] as JsonArray ?? []).OfType<JsonObject>().Select(e => new ManagedFieldsEntry(
            e.String("manager") ?? "",
            e.String("operation") ?? "Update",
            e.String("apiVersion") ?? "",
            e.String("time") ?? "",
            e.String("subresource"),
            FromTrie(e["fieldsV1"] as JsonObject))).ToList();

    /// <summary>Writes the entries, dropping those that own nothing any more, as kube-apiserver does.</summary>
    public static void Write(JsonObject obj, IEnumerable<ManagedFieldsEntry> entries)
    {
        var kept = entries.Where(e => e.Fields.Count > 0).Select(e =>
        {
            var entry = new JsonObject
            {
                ["manager"] = e.Manager,
                ["operation"] = e.Operation,
                ["apiVersion"] = e.ApiVersion,
                ["time"] = e.Time,
                ["fieldsType"] = "FieldsV1",
                ["fieldsV1"] = ToTrie(e.Fields),
            };
            if (e.Subresource is not null)
            {
                entry["subresource"] = e.Subresource;
            }

            return (JsonNode)entry;
        }).ToArray();
        if (kept.Length == 0)
        {
            obj.Metadata().Remove("managedFields");
            return;
        }

        obj.Metadata()["managedFields"] = new JsonArray(kept);
    }

    private static JsonObject ToTrie(IEnumerable<string> paths)
    {
        var root = new JsonObject();
        foreach (var path in paths.Order(StringComparer.Ordinal))
        {
            var node = root;
            foreach (var segment in FieldPaths.Segments(path))
            {
                if (node[segment] is not JsonObject child)
                {
                    child = new JsonObject();
                    node[segment] = child;
                }

                node = child;
            }
        }

        return root;
    }

    private static HashSet<string> FromTrie(JsonObject? trie)
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        void Walk(JsonObject node, string prefix)
        {
            foreach (var (segment, child) in node)
            {
                var path = FieldPaths.Child(prefix, segment);
                if (child is JsonObject { Count: > 0 } inner)
                {
                    Walk(inner, path);
                }
                else
                {
                    paths.Add(path);
                }
            }
        }

        if (trie is not null)
        {
            Walk(trie, "");
        }

        return paths;
    }
}
