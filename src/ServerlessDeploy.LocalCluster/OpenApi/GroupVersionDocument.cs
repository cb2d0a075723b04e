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
        var status = schemas.ReferenceTo(typeof(V1Status));
        var deleteOptions = schemas.ReferenceTo(typeof(V1DeleteOptions));
        foreach (var type in types.OrderBy(type => type.Plural, StringComparer.Ordinal))
        {
            var (kind, list) = type.ModelType is { } model
                ? (schemas.ReferenceTo(model), schemas.ReferenceTo(ListTypeOf(model)))
                : schemas.AddCustom(type);
            var scale = type.HasScale ? schemas.ReferenceTo(typeof(V1Scale)) : null;
            ResourcePaths.AddTo(paths, type, new ResourceRefs(kind, list, status, deleteOptions, scale));
        }

        return new JsonObject
        {
            ["components"] = new JsonObject { ["schemas"] = schemas.Build() },
            ["info"] = new JsonObject { ["title"] = "Kubernetes", ["version"] = "v1.34.0" },
            ["openapi"] = "3.0.0",
            ["paths"] = new JsonObject(paths),
        };
    }

    // KubernetesClient names every list model after its kind's model (V1Deployment, V1DeploymentList).
    private static Type ListTypeOf(Type model) =>
        model.Assembly.GetType(model.FullName + "List") ?? throw new InvalidOperationException($"{model.FullName} has no list model {model.FullName}List in its assembly");
}
