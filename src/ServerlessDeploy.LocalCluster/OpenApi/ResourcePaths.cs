using System.Text.Json.Nodes;
using ServerlessDeploy.LocalCluster.Resources;

namespace ServerlessDeploy.LocalCluster.OpenApi;

/// <summary>
/// The URL paths of one resource, as kube-apiserver lays them out: the collection and the item (under
/// /namespaces/{namespace} when namespaced), the status subresource when the kind has one, and the
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
            paths[collection + "/{name}/status"] = new JsonObject
            {
                ["get"] = Operations.Read(type, refs, scope, "status"),
                ["parameters"] = ScopeParameters(type, named: true),
                ["patch"] = Operations.Patch(type, refs, scope, "status"),
                ["put"] = Operations.Replace(type, refs, scope, "status"),
            };
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
