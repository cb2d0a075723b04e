using System.Text.Json.Nodes;
using ServerlessDeploy.LocalCluster.Resources;

namespace ServerlessDeploy.LocalCluster.OpenApi;

/// <summary>
/// The URL paths of one resource, as kube-apiserver lays them out: the collection and the item (under
/// /namespaces/{namespace} when namespaced), the status and scale subresources when the kind has them, and the
/// list across all namespaces.
/// </summary>
internal static class ResourcePaths
{
    public static void AddTo(IDictionary<string, JsonNode?> paths, ResourceType type, ResourceRefs refs)
    {
        var scope = type.Namespaced ? "Namespaced" : "";
        var collection = type.ApiPrefix + (type.Namespaced ? "/namespaces/{namespace}/" : "/") + type.Plural;
        paths[collection] = new JsonObject
        {
            ["delete"] = Operations.DeleteCollection(type, refs, scope),
            ["get"] = Operations.List(type, refs, scope),
            ["parameters"] = ScopeParameters(type, named: false),
            ["post"] = Operations.Create(type, refs, scope),
        };
        paths[collection + "/{name}"] = new JsonObject
        {
            ["delete"] = Operations.Delete(type, refs, scope),
            ["get"] = Operations.Read(type, refs, scope),
            ["parameters"] = ScopeParameters(type, named: true),
            ["patch"] = Operations.Patch(type, refs, scope),
            ["put"] = Operations.Replace(type, refs, scope),
        };
        if (type.HasStatus)
        {
            paths[collection + "/{name}/status"] = Subresource(type, refs, scope, "status");
        }

        if (refs.Scale is { } scale)
        {
            paths[collection + "/{name}/scale"] = Subresource(type, refs with { Kind = scale }, scope, "scale");
        }

        if (type.Namespaced)
        {
            paths[$"{type.ApiPrefix}/{type.Plural}"] = new JsonObject
            {
                ["get"] = Operations.List(type, refs, "", "ForAllNamespaces"),
                ["parameters"] = new JsonArray(Parameters.Pretty()),
            };
        }
    }

    /// <summary>A subresource's path: get, patch and put of the kind <paramref name="refs"/> names.</summary>
    private static JsonObject Subresource(ResourceType type, ResourceRefs refs, string scope, string subresource) => new()
    {
        ["get"] = Operations.Read(type, refs, scope, subresource),
        ["parameters"] = ScopeParameters(type, named: true),
        ["patch"] = Operations.Patch(type, refs, scope, subresource),
        ["put"] = Operations.Replace(type, refs, scope, subresource),
    };

    private static JsonArray ScopeParameters(ResourceType type, bool named)
    {
        var parameters = new JsonArray();
        if (named)
        {
            parameters.Add(Parameters.Name(type.Kind));
        }

        if (type.Namespaced)
        {
            parameters.Add(Parameters.Namespace());
        }

        parameters.Add(Parameters.Pretty());
        return parameters;
    }
}
