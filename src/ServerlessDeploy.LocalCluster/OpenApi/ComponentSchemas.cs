using System.Reflection;
using System.Text.Json.Nodes;
using k8s.Models;
using ServerlessDeploy.LocalCluster.Resources;

namespace ServerlessDeploy.LocalCluster.OpenApi;

/// <summary>
/// Collects the components.schemas of one OpenAPI document: every model type referenced from the
/// document's operations, and all the types they reference in turn, so every $ref resolves inside the
/// document (kubectl resolves references only within the group-version document it fetched).
/// </summary>
internal sealed class ComponentSchemas
{
    private readonly SortedDictionary<string, JsonObject> _schemas = new(StringComparer.Ordinal);
    private readonly HashSet<Type> _seen = [];
    private readonly Queue<Type> _pending = new();

    /// <summary>A reference object ({"$ref": …}) to a model type's component, adding the component if it is new.</summary>
    public JsonObject RefTo(Type model) => new() { ["$ref"] = ReferenceTo(model) };

    /// <summary>The reference to a model type's component (#/components/schemas/…), adding the component if it is new.</summary>
    public string ReferenceTo(Type model)
    {
        if (_seen.Add(model))
        {
            _pending.Enqueue(model);
        }

        return SchemaNames.Ref(SchemaNames.For(model));
    }

    /// <summary>Adds a custom kind's schema (from its CRD version) and its list schema; returns the references to both.</summary>
    public (string Kind, string List) AddCustom(ResourceType type)
    {
        var name = SchemaNames.ForCustom(type.Group, type.Version, type.Kind);
        var listName = SchemaNames.ForCustom(type.Group, type.Version, type.ListKind);
        _schemas[name] = CustomSchemas.Kind(type, RefTo(typeof(V1ObjectMeta)));
        _schemas[listName] = CustomSchemas.List(type, SchemaNames.Ref(name), RefTo(typeof(V1ListMeta)));
        return (SchemaNames.Ref(name), SchemaNames.Ref(listName));
    }

    /// <summary>The components.schemas object, sorted by name so the document and its hash are stable.</summary>
    public JsonObject Build()
    {
        while (_pending.TryDequeue(out var model))
        {
            _schemas[SchemaNames.For(model)] = ModelSchema(model);
        }

        var result = new JsonObject();
        foreach (var (name, schema) in _schemas)
        {
            result[name] = schema;
        }

        return result;
    }

    private JsonObject ModelSchema(Type model)
    {
        var properties = new JsonObject();
        foreach (var property in ModelShapes.Of(model).Properties)
        {
            var schema = FieldSchema(property.Shape);
            if (property.List is { } list)
            {
                ListExtensions.AddTo(schema, list);
            }

            properties[property.JsonName] = schema;
        }

        var result = new JsonObject { ["type"] = "object", ["properties"] = properties };
        if (model.GetCustomAttribute<KubernetesEntityAttribute>() is { } entity)
        {
            result["x-kubernetes-group-version-kind"] = GroupVersionKind.Array(entity.Group, entity.ApiVersion, entity.Kind);
        }

        return result;
    }

    private JsonObject FieldSchema(FieldShape shape) => shape switch
    {
        { Kind: FieldKind.Object, Model: { } model } => RefTo(model),
        { Kind: FieldKind.Array, Element: { } element } => new JsonObject { ["type"] = "array", ["items"] = FieldSchema(element) },
        { Kind: FieldKind.Map, Element: { } element } => new JsonObject { ["type"] = "object", ["additionalProperties"] = FieldSchema(element) },
        { Kind: FieldKind.IntOrString } => new JsonObject { ["x-kubernetes-int-or-string"] = true },
        { Kind: FieldKind.FreeForm } => new JsonObject { ["x-kubernetes-preserve-unknown-fields"] = true },
        { Format: null } => new JsonObject { ["type"] = shape.JsonType },
        _ => new JsonObject { ["type"] = shape.JsonType, ["format"] = shape.Format },
    };
}
