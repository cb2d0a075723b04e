using System.Text.Json;
using System.Text.Json.Nodes;

namespace ServerlessDeploy.Core.Health;

/// <summary>
/// Whether a live object has the shape KubernetesClient's model of its kind declares (<see cref="ModelShapeTable"/>),
/// field by field in document order, as converting it to the model checked it: a value of the wrong kind fails, a field
/// the model does not declare is ignored, and so are the root's metadata.managedFields and spec.template, which were
/// never converted since no rule reads them.
/// </summary>
internal static class ShapeCheck
{
    /// <summary>The first field that does not fit, as "path: what is wrong"; null when the object fits.</summary>
    public static string? Mismatch(JsonObject live, string model)
    {
        var fields = ModelShapes.Of(model);
        foreach (var (name, value) in live)
        {
            if (!fields.TryGetValue(name, out var shape))
            {
                continue;
            }

            var mismatch = (name, value) switch
            {
                ("metadata", JsonObject metadata) => Mismatch(metadata, shape.Model, name, "managedFields"),
                ("spec", JsonObject spec) => Mismatch(spec, shape.Model, name, "template"),
                _ => Mismatch(value, shape, name),
            };
            if (mismatch is not null)
            {
                return mismatch;
            }
        }

        return null;
    }

    private static string? Mismatch(JsonObject obj, string model, string path, string? left = null)
    {
        var fields = ModelShapes.Of(model);
        foreach (var (name, value) in obj)
        {
            if (name != left && fields.TryGetValue(name, out var shape) && Mismatch(value, shape, $"{path}.{name}") is { } mismatch)
            {
                return mismatch;
            }
        }

        return null;
    }

    /// <summary>The first part of a value that does not fit a shape, as "path: what is wrong"; null when it fits.</summary>
    public static string? Mismatch(JsonNode? node, FieldShape shape, string path)
    {
        if (node is null || node.GetValueKind() == JsonValueKind.Null)
        {
            return shape.NotNull ? $"{path}: null where {ScalarShapes.Expected(shape)} is required" : null;
        }

        switch (shape.Kind, node)
        {
            case (FieldKind.Any, _):
                return null;
            case (FieldKind.Object, JsonObject obj):
                return Mismatch(obj, shape.Model, path);
            case (FieldKind.Array, JsonArray array) when shape.Element is { } element:
                for (var i = 0; i < array.Count; i++)
                {
                    if (Mismatch(array[i], element, $"{path}[{i}]") is { } mismatch)
                    {
                        return mismatch;
                    }
                }

                return null;
            case (FieldKind.Map, JsonObject map) when shape.Element is { } element:
                foreach (var (key, value) in map)
                {
                    if (Mismatch(value, element, $"{path}.{key}") is { } mismatch)
                    {
                        return mismatch;
                    }
                }

                return null;
            case (_, JsonValue value) when ScalarShapes.Fits(value, shape.Kind):
                return null;
            default:
                return $"{path}: expected {ScalarShapes.Expected(shape)}, got {ScalarShapes.Quote(node)}";
        }
    }
}
