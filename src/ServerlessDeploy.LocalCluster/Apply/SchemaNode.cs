using System.Text.Json.Nodes;
using ServerlessDeploy.LocalCluster.Objects;
using ServerlessDeploy.LocalCluster.OpenApi;
using ServerlessDeploy.LocalCluster.Resources;

namespace ServerlessDeploy.LocalCluster.Apply;

/// <summary>
/// Where a value sits in its kind's schema, as far as server-side apply cares: which fields an object has and how a
/// list merges. Built-in kinds are read from KubernetesClient's models and the list table; custom resources from
/// their CRD's openAPIV3Schema (x-kubernetes-list-type, x-kubernetes-list-map-keys); anything else is untyped.
/// </summary>
internal sealed record SchemaNode(FieldShape? Shape, ListSemantics? List, JsonObject? Crd)
{
    public static SchemaNode Untyped { get; } = new(null, null, null);

    public static SchemaNode Root(ResourceType type) =>
        type.ModelType is { } model ? new SchemaNode(FieldShape.ObjectOf(model), null, null)
        : type.Schema is { } schema ? new SchemaNode(null, null, schema)
        : Untyped;

    public SchemaNode Field(string name)
    {
        if (Shape is { Kind: FieldKind.Object, Model: { } model })
        {
            return ModelShapes.Of(model).ByName.TryGetValue(name, out var property)
                ? new SchemaNode(property.Shape, property.List, null)
                : Untyped;
        }

        if (Shape is { Kind: FieldKind.Map, Element: { } value })
        {
            return new SchemaNode(value, null, null);
        }

        if (Crd is not null)
        {
            var child = Crd["properties"]?[name] as JsonObject ?? Crd["additionalProperties"] as JsonObject;
            return child is null ? Untyped : new SchemaNode(null, null, child);
        }

        return Untyped;
    }

    public SchemaNode Item() =>
        Shape is { Kind: FieldKind.Array, Element: { } element } ? new SchemaNode(element, null, null)
        : Crd?["items"] is JsonObject items ? new SchemaNode(null, null, items)
        : Untyped;

    public ListType ListType => List?.Type ?? Crd?.String("x-kubernetes-list-type") switch
    {
        "map" => ListType.Map,
        "set" => ListType.Set,
        _ => ListType.Atomic,
    };

    public IReadOnlyList<string> MapKeys =>
        List?.MapKeys ?? (Crd?["x-kubernetes-list-map-keys"] as JsonArray)?.Select(k => k?.ToString() ?? "").ToList() ?? [];

    /// <summary>True for values owned as a whole: CRD values declared x-kubernetes-map-type: atomic, built-in +structType=atomic types.</summary>
    public bool AtomicObject => Crd?.String("x-kubernetes-map-type") == "atomic" || (Shape is { Kind: FieldKind.Object, Model: { } model } && AtomicStructs.Contains(model));
}
