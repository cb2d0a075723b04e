using System.Text.Json.Nodes;
using k8s.Models;
using ServerlessDeploy.LocalCluster.Resources;

namespace ServerlessDeploy.LocalCluster.OpenApi;

/// <summary>Builds the OpenAPI v3 document of one group-version: the paths of its resources and every schema they reach.</summary>
internal static class GroupVersionDocument
{
    /// <summary>The document's key in the /openapi/v3 index: api/v1 for the core group, apis/{group}/{version} otherwise.</summary>
    public static string PathOf(ResourceType type) => type.ApiPrefix.TrimStart('/');

    public static JsonObject Build(IEnumerable<ResourceType> types)
    {
        var schemas = new ComponentSchemas();
        var paths = new SortedDictionary<string, JsonNode?>(StringComparer.Ordinal);
        var status = Name(schemas.RefTo(typeof(V1Status)));
        var deleteOptions = Name(schemas.RefTo(typeof(V1DeleteOptions)));
        foreach (var type in types.OrderBy(type => type.Plural, StringComparer.Ordinal))
        {
            var (kind, list) = type.ModelType is { } model
                ? (schemas.RefTo(model), schemas.RefTo(ListTypeOf(model)))
                : schemas.AddCustom(type);
            var scale = type.HasScale ? Name(schemas.RefTo(typeof(V1Scale))) : null;
            ResourcePaths.AddTo(paths, type, new ResourceRefs(Name(kind), Name(list), status, deleteOptions, scale));
        }

        return new JsonObject
        {
            ["components"] = new JsonObject { ["schemas"] = schemas.Build() },
            ["info"] = new JsonObject { ["title"] = "Kubernetes", ["version"] = "v1.34.0" },
            ["openapi"] = "3.0.0",
            ["paths"] = new JsonObject(paths),
        };
    }

    private static string Name(JsonObject reference) => reference["$ref"]!.GetValue<string>();

    // KubernetesClient names every list model after its kind's model (V1Deployment, V1DeploymentList).
    private static Type ListTypeOf(Type model) =>
        model.Assembly.GetType(model.FullName + "List", throwOnError: true)!;
}
