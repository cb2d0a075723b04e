using System.Text.Json.Nodes;
using k8s.Models;

namespace ServerlessDeploy.LocalCluster.OpenApi;

/// <summary>
/// Finds unknown fields below a custom resource the way kube-apiserver's structural pruning does with a CRD
/// version's openAPIV3Schema: a key is known when the schema declares it in properties or describes it with an
/// additionalProperties schema; x-kubernetes-preserve-unknown-fields keeps undeclared keys (declared ones are
/// still searched); x-kubernetes-embedded-resource objects carry their own apiVersion, kind and metadata.
/// </summary>
internal static class StructuralFieldWalker
{
    private static readonly ModelShape ObjectMeta = ModelShapes.Of(typeof(V1ObjectMeta));

    /// <summary>Walks a whole custom resource; with no schema every field but metadata's is accepted.</summary>
    public static void WalkRoot(JsonObject value, JsonObject? schema, UnknownFieldCollector collector)
    {
        var root = schema ?? new JsonObject { ["x-kubernetes-preserve-unknown-fields"] = true };
        WalkObject(value, root, IsSet(root, "x-kubernetes-preserve-unknown-fields"), embedded: true, collector);
    }

    private static void WalkObject(JsonObject value, JsonObject schema, bool preserve, bool embedded, UnknownFieldCollector collector)
    {
        var properties = schema["properties"] as JsonObject;
        var additional = schema["additionalProperties"];
        foreach (var (name, child) in value)
        {
            if (collector.IsFull)
            {
                return;
            }

            if (embedded && name is "apiVersion" or "kind" or "metadata")
            {
                WalkMeta(name, child, collector);
            }
            else if (properties?[name] is JsonObject declared)
            {
                WalkChild(name, child, declared, collector);
            }
            else if (additional is JsonObject values)
            {
                WalkChild(name, child, values, collector);
            }
            else if (!preserve && !IsTrue(additional))
            {
                collector.Report(name);
            }
        }
    }

    private static void WalkChild(string name, JsonNode? child, JsonObject schema, UnknownFieldCollector collector)
    {
        if (child is JsonObject or JsonArray)
        {
            var mark = collector.Enter(name);
            Walk(child, schema, inheritedPreserve: false, collector);
            collector.Leave(mark);
        }
    }

    private static void Walk(JsonNode child, JsonObject schema, bool inheritedPreserve, UnknownFieldCollector collector)
    {
        var preserve = inheritedPreserve || IsSet(schema, "x-kubernetes-preserve-unknown-fields");
        if (child is JsonObject fields)
        {
            WalkObject(fields, schema, preserve, IsSet(schema, "x-kubernetes-embedded-resource"), collector);
            return;
        }

        // An array under a preserving schema keeps its items' undeclared keys too, as kube-apiserver's pruning does.
        // A structural schema always describes array items; without them there is nothing to check against.
        if (child is JsonArray items && schema["items"] is JsonObject itemSchema)
        {
            for (var index = 0; index < items.Count && !collector.IsFull; index++)
            {
                var mark = collector.EnterIndex(index);
                if (items[index] is { } item and (JsonObject or JsonArray))
                {
                    Walk(item, itemSchema, preserve, collector);
                }

                collector.Leave(mark);
            }
        }
    }

    // apiVersion and kind are strings any schema accepts; metadata is ObjectMeta whatever the schema says of it.
    private static void WalkMeta(string name, JsonNode? child, UnknownFieldCollector collector)
    {
        if (name == "metadata" && child is JsonObject metadata)
        {
            var mark = collector.Enter(name);
            ModelFieldWalker.WalkObject(metadata, ObjectMeta, collector);
            collector.Leave(mark);
        }
    }

    private static bool IsSet(JsonObject schema, string extension) => IsTrue(schema[extension]);

    private static bool IsTrue(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;
}
