using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using ServerlessDeploy.Testing.Kubernetes;

namespace ServerlessDeploy.LocalCluster.Tests.Harness;

/// <summary>Reads managedFields as a test wants to: who owns a path such as f:spec / f:replicas.</summary>
internal static class FieldsV1
{
    public static V1ManagedFieldsEntry Entry(V1ObjectMeta metadata, string manager) =>
        metadata.ManagedFields?.SingleOrDefault(e => e.Manager == manager)
        ?? throw new Xunit.Sdk.XunitException($"no managedFields entry for {manager}; managers: {string.Join(", ", metadata.ManagedFields?.Select(e => e.Manager) ?? [])}");

    /// <summary>The FieldsV1 trie of one entry as JSON (a JsonElement, which KubernetesClient.Aot has no metadata for).</summary>
    public static JsonObject Trie(V1ManagedFieldsEntry entry) =>
        JsonNode.Parse(KubernetesJson.Serialize(entry.FieldsV1, TestTypesJson.Options))!.AsObject();

    /// <summary>True when the manager's entry holds the path (each segment as in FieldsV1: "f:spec", "k:{\"name\":\"web\"}").</summary>
    public static bool Owns(V1ObjectMeta metadata, string manager, params string[] path)
    {
        var entry = metadata.ManagedFields?.SingleOrDefault(e => e.Manager == manager);
        JsonNode? node = entry is null ? null : Trie(entry);
        foreach (var segment in path)
        {
            node = node?[segment];
        }

        return node is not null;
    }

    public static string[] Managers(V1ObjectMeta metadata) =>
        metadata.ManagedFields?.Select(e => e.Manager).ToArray() ?? [];
}
