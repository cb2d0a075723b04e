using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using k8s.Models;

namespace ServerlessDeploy.LocalCluster.OpenApi;

/// <summary>
/// Reflects KubernetesClient model types into <see cref="ModelShape"/>s, once per type: the OpenAPI
/// documents and the strict field validation both read the same shapes, and validation runs on every
/// write, so the reflection must not.
/// </summary>
internal static class ModelShapes
{
    private static readonly ConcurrentDictionary<Type, ModelShape> Cache = new();

    public static ModelShape Of(Type model) => Cache.GetOrAdd(model, Reflect);

    /// <summary>The wire shape of a CLR property type.</summary>
    public static FieldShape ShapeOf(Type clrType)
    {
        var type = Nullable.GetUnderlyingType(clrType) ?? clrType;
        return ScalarShape(type)
            ?? CollectionShape(type)
            ?? (IsModel(type) ? FieldShape.ObjectOf(type) : FieldShape.FreeForm);
    }

    private static ModelShape Reflect(Type model)
    {
        var properties = new List<ModelProperty>();
        foreach (var property in model.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name;
            if (name is null || property.GetCustomAttribute<JsonIgnoreAttribute>() is not null)
            {
                continue;
            }

            var shape = ShapeOf(property.PropertyType);
            var list = shape.Kind == FieldKind.Array ? ListMapKeys.Find(model, name) : null;
            properties.Add(new ModelProperty(name, shape, list));
        }

        return new ModelShape(model, properties);
    }

    private static FieldShape? ScalarShape(Type type) => type switch
    {
        _ when type == typeof(string) => FieldShape.String,
        _ when type == typeof(bool) => FieldShape.Boolean,
        _ when type == typeof(int) => FieldShape.Int32,
        _ when type == typeof(long) => FieldShape.Int64,
        _ when type == typeof(double) || type == typeof(float) => FieldShape.Double,
        _ when type == typeof(DateTime) || type == typeof(DateTimeOffset) => FieldShape.DateTime,
        _ when type == typeof(byte[]) => FieldShape.Bytes,
        _ when type == typeof(IntOrString) || type == typeof(ResourceQuantity) => FieldShape.IntOrString,
        _ when type == typeof(object) || type == typeof(JsonElement) || typeof(JsonNode).IsAssignableFrom(type) => FieldShape.FreeForm,
        _ => null,
    };

    private static FieldShape? CollectionShape(Type type)
    {
        if (!type.IsGenericType)
        {
            return null;
        }

        var definition = type.GetGenericTypeDefinition();
        var arguments = type.GetGenericArguments();
        if (definition == typeof(IDictionary<,>) || definition == typeof(Dictionary<,>) || definition == typeof(IReadOnlyDictionary<,>))
        {
            return FieldShape.MapOf(ShapeOf(arguments[1]));
        }

        var isList = definition == typeof(IList<>) || definition == typeof(List<>) || definition == typeof(IEnumerable<>)
            || definition == typeof(ICollection<>) || definition == typeof(IReadOnlyList<>);
        return isList ? FieldShape.ArrayOf(ShapeOf(arguments[0])) : null;
    }

    private static bool IsModel(Type type) =>
        type.IsClass && type.Namespace == typeof(V1ObjectMeta).Namespace;
}
