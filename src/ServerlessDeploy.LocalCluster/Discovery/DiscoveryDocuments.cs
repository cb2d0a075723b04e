using System.Text.Json.Nodes;
using ServerlessDeploy.LocalCluster.Objects;
using ServerlessDeploy.LocalCluster.Resources;
using ServerlessDeploy.LocalCluster.Verbs;

namespace ServerlessDeploy.LocalCluster.Discovery;

/// <summary>The discovery documents, in the legacy lists and in the aggregated form (apidiscovery.k8s.io/v2).</summary>
internal static class DiscoveryDocuments
{
    public const string AggregatedContentType = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";

    private static readonly string[] Verbs = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];
    private static readonly string[] SubresourceVerbs = ["get", "patch", "update"];

    public static JsonObject Version() => new()
    {
        ["major"] = "1",
        ["minor"] = "34",
        ["gitVersion"] = "v1.34.0",
        ["gitCommit"] = "serverless-deploy-local",
        ["gitTreeState"] = "clean",
        ["buildDate"] = "2026-01-01T00:00:00Z",
        ["goVersion"] = "go1.24",
        ["compiler"] = "gc",
        ["platform"] = "linux/amd64",
    };

    public static JsonObject CoreVersions(string serverAddress) => new()
    {
        ["kind"] = "APIVersions",
        ["versions"] = new JsonArray("v1"),
        ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject { ["clientCIDR"] = "0.0.0.0/0", ["serverAddress"] = serverAddress }),
    };

    public static JsonObject GroupList(IReadOnlyList<ResourceType> types) => new()
    {
        ["kind"] = "APIGroupList",
        ["apiVersion"] = "v1",
        ["groups"] = new JsonArray(Groups(types).Select(g => (JsonNode)Group(g.Key, g)).ToArray()),
    };

    public static JsonObject? Group(string name, IReadOnlyList<ResourceType> types)
    {
        var group = Groups(types).FirstOrDefault(g => g.Key == name);
        return group is null ? null : Group(name, group);
    }

    public static JsonObject ResourceList(string groupVersion, IEnumerable<ResourceType> types) => new()
    {
        ["kind"] = "APIResourceList",
        ["apiVersion"] = "v1",
        ["groupVersion"] = groupVersion,
        ["resources"] = new JsonArray(types.SelectMany(LegacyResources).ToArray()),
    };

    /// <summary>The aggregated discovery list: the core group alone for /api, every named group for /apis.</summary>
    public static JsonObject Aggregated(IReadOnlyList<ResourceType> types, bool core) => new()
    {
        ["kind"] = "APIGroupDiscoveryList",
        ["apiVersion"] = "apidiscovery.k8s.io/v2",
        ["metadata"] = new JsonObject(),
        ["items"] = new JsonArray(types.Where(t => (t.Group.Length == 0) == core)
            .GroupBy(t => t.Group)
            .Select(g => (JsonNode)new JsonObject
            {
                ["metadata"] = new JsonObject { ["name"] = g.Key },
                ["versions"] = new JsonArray(g.GroupBy(t => t.Version).OrderByDescending(v => v.Key, StringComparer.Ordinal).Select(v => (JsonNode)new JsonObject
                {
                    ["version"] = v.Key,
                    ["resources"] = new JsonArray(v.Select(AggregatedResource).ToArray()),
                    ["freshness"] = "Current",
                }).ToArray()),
            }).ToArray()),
    };

    private static IEnumerable<IGrouping<string, ResourceType>> Groups(IReadOnlyList<ResourceType> types) =>
        types.Where(t => t.Group.Length > 0).GroupBy(t => t.Group);

    private static JsonObject Group(string name, IEnumerable<ResourceType> types)
    {
        var versions = types.Select(t => t.Version).Distinct().OrderByDescending(v => v, StringComparer.Ordinal).ToList();
        JsonObject Version(string v) => new() { ["groupVersion"] = $"{name}/{v}", ["version"] = v };
        return new JsonObject
        {
            ["kind"] = "APIGroup",
            ["apiVersion"] = "v1",
            ["name"] = name,
            ["versions"] = new JsonArray(versions.Select(v => (JsonNode)Version(v)).ToArray()),
            ["preferredVersion"] = Version(versions[0]),
        };
    }

    private static IEnumerable<JsonNode> LegacyResources(ResourceType type)
    {
        yield return new JsonObject
        {
            ["name"] = type.Plural,
            ["singularName"] = type.Singular,
            ["namespaced"] = type.Namespaced,
            ["kind"] = type.Kind,
            ["verbs"] = Array(Verbs),
            ["shortNames"] = Array(type.ShortNames),
            ["categories"] = Array(type.Categories),
        };
        foreach (var (name, kind, verbs) in Subresources(type))
        {
            var subresource = new JsonObject
            {
                ["name"] = $"{type.Plural}/{name}",
                ["singularName"] = "",
                ["namespaced"] = type.Namespaced,
                ["kind"] = kind.Kind,
                ["verbs"] = Array(verbs),
            };
            // As kube-apiserver does, group and version are named only when the subresource answers another group-version.
            if (kind.GroupVersion != type.GroupVersion)
            {
                subresource["group"] = kind.Group;
                subresource["version"] = kind.Version;
            }

            yield return subresource;
        }
    }

    private static JsonNode AggregatedResource(ResourceType type)
    {
        var resource = new JsonObject
        {
            ["resource"] = type.Plural,
            ["responseKind"] = Kind(type),
            ["scope"] = type.Namespaced ? "Namespaced" : "Cluster",
            ["singularResource"] = type.Singular,
            ["verbs"] = Array(Verbs),
            ["shortNames"] = Array(type.ShortNames),
            ["categories"] = Array(type.Categories),
        };
        var subresources = Subresources(type).Select(s => (JsonNode)new JsonObject
        {
            ["subresource"] = s.Name,
            ["responseKind"] = Kind(s.Kind),
            ["verbs"] = Array(s.Verbs),
        }).ToArray();
        if (subresources.Length > 0)
        {
            resource["subresources"] = new JsonArray(subresources);
        }

        return resource;
    }

    /// <summary>
    /// The subresources a kind serves, each with the kind it answers and its verbs: status the object itself, scale an
    /// autoscaling/v1 Scale, a pod's eviction a policy/v1 Eviction that can only be created.
    /// </summary>
    private static IEnumerable<(string Name, ResourceType Kind, string[] Verbs)> Subresources(ResourceType type)
    {
        if (EvictVerb.Serves(type))
        {
            yield return (EvictVerb.Subresource, EvictVerb.Type, ["create"]);
        }

        if (type.HasStatus)
        {
            yield return ("status", type, SubresourceVerbs);
        }

        if (type.HasScale)
        {
            yield return (ScaleVerb.Subresource, ScaleSubresource.Type, SubresourceVerbs);
        }
    }

    private static JsonObject Kind(ResourceType type) => new() { ["group"] = type.Group, ["version"] = type.Version, ["kind"] = type.Kind };

    private static JsonArray Array(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
}
