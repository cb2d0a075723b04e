using System.Globalization;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using ServerlessDeploy.Testing.Kubernetes;

namespace ServerlessDeploy.Sync.Tests.Support;

/// <summary>
/// What happened in a namespace since a resourceVersion, in the order the server did it: watches of each kind replay
/// their history from that version, and the server's one global resourceVersion orders them across kinds.
/// </summary>
internal static class History
{
    /// <summary>The server's current resourceVersion, to read the history from later.</summary>
    public static async Task<string> NowAsync(k8s.Kubernetes client) =>
        (await client.CoreV1.ListNamespaceAsync()).Metadata.ResourceVersion;

    public static async Task<IReadOnlyList<Change>> SinceAsync(k8s.Kubernetes client, string ns, string resourceVersion)
    {
        // The watches end after a second without news; everything before they started is replayed at once.
        const int quiet = 1;
        var kinds = await Task.WhenAll(
            ReplayAsync("ConfigMap", client.WatchAsync<V1ConfigMap>(ns, resourceVersion: resourceVersion, timeoutSeconds: quiet)),
            ReplayAsync("Secret", client.WatchAsync<V1Secret>(ns, resourceVersion: resourceVersion, timeoutSeconds: quiet)),
            ReplayAsync("Service", client.WatchAsync<V1Service>(ns, resourceVersion: resourceVersion, timeoutSeconds: quiet)),
            ReplayAsync("ServiceAccount", client.WatchAsync<V1ServiceAccount>(ns, resourceVersion: resourceVersion, timeoutSeconds: quiet)),
            ReplayAsync("Deployment", client.WatchAsync<V1Deployment>(ns, resourceVersion: resourceVersion, timeoutSeconds: quiet)),
            ReplayAsync("Job", client.WatchAsync<V1Job>(ns, resourceVersion: resourceVersion, timeoutSeconds: quiet)));
        return [.. kinds.SelectMany(k => k).OrderBy(c => c.Revision)];
    }

    private static async Task<List<Change>> ReplayAsync<T>(string kind, IAsyncEnumerable<(WatchEventType, T)> watch)
        where T : IKubernetesObject<V1ObjectMeta>
    {
        var changes = new List<Change>();
        await foreach (var (type, item) in watch)
        {
            var obj = JsonNode.Parse(KubernetesJson.Serialize(item, TestTypesJson.Options))!.AsObject();
            changes.Add(new Change(type.ToString().ToUpperInvariant(), kind, item.Name(), long.Parse(item.ResourceVersion(), CultureInfo.InvariantCulture), obj));
        }

        return changes;
    }
}
