using System.Text.Json.Nodes;
using ServerlessDeploy.LocalCluster.OpenApi;

namespace ServerlessDeploy.LocalCluster.Objects;

/// <summary>
/// kube-apiserver stores built-in kinds through Go structs whose optional fields are "omitempty": a null, an empty map
/// or an empty list never survives a write, and a field the struct does not declare (accepted under fieldValidation=Warn
/// or Ignore) is dropped. Doing the same keeps this server's objects, and so every diff, identical.
/// </summary>
internal static class GoOmitEmpty
{
    public static void Prune(JsonObject obj, Type model)
    {
        var shape = ModelShapes.Of(model);
        foreach (var (name, value) in obj.ToList())
        {
            var property = shape.ByName.GetValueOrDefault(name);
            if (value is null || property is null || IsEmptyCollection(value, property.Shape))
            {
                obj.Remove(name);
            }
            else if (property is not null)
            {
                Descend(value, property.Shape);
            }
        }
    }

    private static bool IsEmptyCollection(JsonNode value, FieldShape shape) =>
        (shape.Kind == FieldKind.Map && value is JsonObject { Count: 0 }) || (shape.Kind == FieldKind.Array && value is JsonArray { Count: 0 });

    private static void Descend(JsonNode value, FieldShape shape)
    {
        switch (value)
        {
            case JsonObject obj when shape is { Kind: FieldKind.Object, Model: { } model }:
                Prune(obj, model);
                break;
            case JsonObject map when shape is { Kind: FieldKind.Map, Element: { } element }:
                foreach (var (_, item) in map)
                {
                    if (item is not null)
                    {
                        Descend(item, element);
                    }
                }

                break;
            case JsonArray list when shape is { Kind: FieldKind.Array, Element: { } element }:
                foreach (var item in list)
                {
                    if (item is not null)
                    {
                        Descend(item, element);
                    }
                }

                break;
        }
    }
}
