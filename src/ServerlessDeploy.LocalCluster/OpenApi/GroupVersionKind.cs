using System.Text.Json.Nodes;

namespace ServerlessDeploy.LocalCluster.OpenApi;

/// <summary>
/// The x-kubernetes-group-version-kind extension. kube-apiserver writes it as an array on schemas and as a
/// single object on operations; kubectl reads both forms, each where it expects it.
/// </summary>
internal static class GroupVersionKind
{
    public static JsonObject Object(string group, string version, string kind) =>
        new() { ["group"] = group, ["kind"] = kind, ["version"] = version };

    public static JsonArray Array(string group, string version, string kind) => [Object(group, version, kind)];
}
