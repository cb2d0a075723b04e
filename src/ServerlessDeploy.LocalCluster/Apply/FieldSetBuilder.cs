using System.Text.Json.Nodes;
using ServerlessDeploy.LocalCluster.OpenApi;

namespace ServerlessDeploy.LocalCluster.Apply;

/// <summary>The set of fields an object (or an apply configuration) sets, as server-side apply tracks ownership.</summary>
internal static class FieldSetBuilder
{
    private static readonly HashSet<string> UntrackedTopLevel = ["apiVersion", "kind", "status"];

    private static readonly HashSet<string> UntrackedMetadata =
        ["name", "namespace", "uid", "resourceVersion", "generation", "creationTimestamp", "deletionTimestamp",
         "deletionGracePeriodSeconds", "managedFields", "selfLink", "generateName"];

    public static HashSet<string> Of(JsonObject obj, SchemaNode root)
    {
        var fields = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, value) in obj)
        {
            if (UntrackedTopLevel.Contains(name))
            {
                continue;
            }

            if (name == "metadata" && value is JsonObject metadata)
            {
                var tracked = metadata.Where(p => !UntrackedMetadata.Contains(p.Key)).ToList();
                foreach (var (field, child) in tracked)
                {
                    Walk(child, root.Field("metadata").Field(field), FieldPaths.Child("f:metadata", "f:" + field), fields);
                }

                continue;
            }

            Walk(value, root.Field(name), "f:" + name, fields);
        }

        return fields;
    }

    private static void Walk(JsonNode? value, SchemaNode schema, string path, HashSet<string> fields)
    {
        switch (value)
        {
            case JsonObject obj when obj.Count > 0 && !schema.AtomicObject:
                foreach (var (name, child) in obj)
                {
                    Walk(child, schema.Field(name), FieldPaths.Child(path, "f:" + name), fields);
                }

                break;
            case JsonArray list when schema.ListType == ListType.Set:
                foreach (var item in list)
                {
                    fields.Add(FieldPaths.Child(path, "v:" + (item?.ToJsonString() ?? "null")));
                }

                break;
            case JsonArray list when schema.ListType == ListType.Map:
                WalkMapList(list, schema, path, fields);
                break;
            default:
                fields.Add(path);
                break;
        }
    }

    private static void WalkMapList(JsonArray list, SchemaNode schema, string path, HashSet<string> fields)
    {
        var item = schema.Item();
        foreach (var element in list.OfType<JsonObject>())
        {
            if (FieldPaths.KeyOf(element, schema.MapKeys) is not { } key)
            {
                continue;
            }

            var itemPath = FieldPaths.Child(path, key);
            fields.Add(FieldPaths.Child(itemPath, FieldPaths.Self));
            foreach (var (name, child) in element)
            {
                Walk(child, item.Field(name), FieldPaths.Child(itemPath, "f:" + name), fields);
            }
        }
    }
}
