using System.Text.Json.Nodes;

namespace ServerlessDeploy.LocalCluster.OpenApi;

/// <summary>
/// Finds unknown fields below a built-in object the way kube-apiserver's strict JSON decoding into the Go
/// types does: a key that names no field of the struct is unknown; map keys are free; free-form values
/// (RawExtension, FieldsV1) and values of the wrong JSON type are not searched (a wrong type is a decoding
/// error, not an unknown field).
/// </summary>
internal static class ModelFieldWalker
{
    public static void WalkObject(JsonObject value, ModelShape shape, UnknownFieldCollector collector)
    {
        foreach (var (name, child) in value)
        {
            if (collector.IsFull)
            {
                return;
            }

            if (!shape.ByName.TryGetValue(name, out var property))
            {
                collector.Report(name);
            }
            else if (child is not null && property.Shape.HasFields)
            {
                var mark = collector.Enter(name);
                Walk(child, property.Shape, collector);
                collector.Leave(mark);
            }
        }
    }

    private static void Walk(JsonNode value, FieldShape shape, UnknownFieldCollector collector)
    {
        switch (shape)
        {
            case { Kind: FieldKind.Object, Model: { } model } when value is JsonObject fields:
                WalkObject(fields, ModelShapes.Of(model), collector);
                break;
            case { Kind: FieldKind.Array, Element: { HasFields: true } element } when value is JsonArray items:
                for (var index = 0; index < items.Count && !collector.IsFull; index++)
                {
                    WalkChild(items[index], collector.EnterIndex(index), element, collector);
                }

                break;
            case { Kind: FieldKind.Map, Element: { HasFields: true } element } when value is JsonObject entries:
                foreach (var (key, entry) in entries)
                {
                    WalkChild(entry, collector.Enter(key), element, collector);
                }

                break;
        }
    }

    private static void WalkChild(JsonNode? child, int mark, FieldShape shape, UnknownFieldCollector collector)
    {
        if (child is not null)
        {
            Walk(child, shape, collector);
        }

        collector.Leave(mark);
    }
}
