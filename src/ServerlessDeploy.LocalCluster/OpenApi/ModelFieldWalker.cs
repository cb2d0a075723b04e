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
        switch (shape.Kind)
        {
            case FieldKind.Object when value is JsonObject fields:
                WalkObject(fields, ModelShapes.Of(shape.Model!), collector);
                break;
            case FieldKind.Array when value is JsonArray items && shape.Element!.HasFields:
                for (var index = 0; index < items.Count && !collector.IsFull; index++)
                {
                    WalkChild(items[index], collector.EnterIndex(index), shape.Element, collector);
                }

                break;
            case FieldKind.Map when value is JsonObject entries && shape.Element!.HasFields:
                foreach (var (key, entry) in entries)
                {
                    WalkChild(entry, collector.Enter(key), shape.Element, collector);
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
