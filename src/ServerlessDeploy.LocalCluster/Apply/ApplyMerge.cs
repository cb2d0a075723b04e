using System.Text.Json.Nodes;
using ServerlessDeploy.LocalCluster.OpenApi;

namespace ServerlessDeploy.LocalCluster.Apply;

/// <summary>Merges an apply configuration into the live object: maps by key, list maps by item key, sets by value, the rest replaced.</summary>
internal static class ApplyMerge
{
    public static JsonNode? Merge(JsonNode? live, JsonNode? config, SchemaNode schema) => (live, config) switch
    {
        (JsonObject l, JsonObject c) when !schema.AtomicObject => MergeObject(l, c, schema),
        (JsonArray l, JsonArray c) when schema.ListType == ListType.Map => MergeMapList(l, c, schema),
        (JsonArray l, JsonArray c) when schema.ListType == ListType.Set => MergeSet(l, c),
        _ => config?.DeepClone(),
    };

    /// <summary>A whole object's merge (<see cref="Merge"/> of two objects): field by field, or the configuration when the schema makes it atomic.</summary>
    public static JsonObject MergeRoot(JsonObject live, JsonObject config, SchemaNode schema) =>
        schema.AtomicObject ? config.DeepClone().AsObject() : MergeObject(live, config, schema);

    private static JsonObject MergeObject(JsonObject live, JsonObject config, SchemaNode schema)
    {
        var result = (JsonObject)live.DeepClone();
        foreach (var (name, value) in config)
        {
            result[name] = Merge(live[name], value, schema.Field(name));
        }

        return result;
    }

    private static JsonArray MergeMapList(JsonArray live, JsonArray config, SchemaNode schema)
    {
        var result = (JsonArray)live.DeepClone();
        var item = schema.Item();
        foreach (var element in config)
        {
            var key = element is JsonObject obj ? FieldPaths.KeyOf(obj, schema.MapKeys) : null;
            var index = key is null ? -1 : FieldNavigator.IndexOf(result, key);
            if (index < 0)
            {
                result.Add(element?.DeepClone());
            }
            else
            {
                result[index] = Merge(result[index], element, item);
            }
        }

        return result;
    }

    private static JsonArray MergeSet(JsonArray live, JsonArray config)
    {
        var result = (JsonArray)live.DeepClone();
        var present = live.Select(v => v?.ToJsonString()).ToHashSet(StringComparer.Ordinal);
        foreach (var value in config.Where(v => present.Add(v?.ToJsonString())))
        {
            result.Add(value?.DeepClone());
        }

        return result;
    }
}
