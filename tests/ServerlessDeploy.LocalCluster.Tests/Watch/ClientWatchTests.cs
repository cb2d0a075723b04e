using k8s;
using k8s.Models;
using ServerlessDeploy.LocalCluster.Tests.Harness;
using ServerlessDeploy.Testing.Kubernetes;

namespace ServerlessDeploy.LocalCluster.Tests.Watch;

/// <summary>
/// Watches through KubernetesClient's HTTP pipeline, read as its own watcher read them (an IAsyncEnumerable of typed
/// events; KubernetesClient.Aot has no watcher, so <see cref="ClientWatches"/> stands in for it). The client gives no signal
/// that its watch is established, so each test first waits for a pod that already exists ("ready") to arrive as
/// ADDED: from then on the server is sending every change.
/// </summary>
public sealed class ClientWatchTests : IAsyncLifetime
{
    private const string Ns = "shop";
    private TestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _cluster = await TestCluster.StartAsync();
        await _cluster.CreateNamespaceAsync(Ns);
        await _cluster.Client.CoreV1.CreateNamespacedPodAsync(Pod("ready"), Ns);
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task A_pod_watch_sees_the_pod_added_modified_and_deleted_in_order()
    {
        using var patience = new CancellationTokenSource(TestCluster.Patience);
        await using var watch = _cluster.Client.WatchAsync<V1Pod>(Ns, cancellationToken: patience.Token).GetAsyncEnumerator();
        await ReadUntilAsync(watch, WatchEventType.Added, "ready");

        await _cluster.Client.CoreV1.CreateNamespacedPodAsync(Pod("web"), Ns);
        await _cluster.Client.CoreV1.PatchNamespacedPodAsync(
            new V1Patch("""{"metadata":{"labels":{"stage":"two"}}}""", V1Patch.PatchType.MergePatch), "web", Ns);
        await _cluster.Client.CoreV1.DeleteNamespacedPodAsync("web", Ns);
        var seen = (await ReadUntilAsync(watch, WatchEventType.Deleted, "web")).Where(e => e.Pod.Metadata.Name == "web").ToList();

        Assert.Equal(WatchEventType.Added, seen[0].Type);
        Assert.Equal(WatchEventType.Deleted, seen[^1].Type);
        Assert.All(seen[1..^1], e => Assert.Equal(WatchEventType.Modified, e.Type));
        Assert.Contains(seen[1..^1], e => e.Pod.Metadata.Labels is { } labels && labels.TryGetValue("stage", out var stage) && stage == "two");
    }

    [Fact]
    public async Task A_pod_watch_with_a_label_selector_sees_only_matching_pods()
    {
        using var patience = new CancellationTokenSource(TestCluster.Patience);
        await using var watch = _cluster.Client.WatchAsync<V1Pod>(Ns, labelSelector: "app=web", cancellationToken: patience.Token).GetAsyncEnumerator();
        await ReadUntilAsync(watch, WatchEventType.Added, "ready");

        await _cluster.Client.CoreV1.CreateNamespacedPodAsync(Pod("db", app: "db"), Ns);
        await _cluster.Client.CoreV1.CreateNamespacedPodAsync(Pod("web"), Ns);
        await _cluster.Client.CoreV1.DeleteNamespacedPodAsync("db", Ns);
        await _cluster.Client.CoreV1.DeleteNamespacedPodAsync("web", Ns);
        var seen = await ReadUntilAsync(watch, WatchEventType.Deleted, "web");

        Assert.DoesNotContain(seen, e => e.Pod.Metadata.Name == "db");
        Assert.Equal(WatchEventType.Added, seen.First(e => e.Pod.Metadata.Name == "web").Type);
    }

    private static async Task<List<(WatchEventType Type, V1Pod Pod)>> ReadUntilAsync(
        IAsyncEnumerator<(WatchEventType, V1Pod)> watch, WatchEventType type, string name)
    {
        var seen = new List<(WatchEventType Type, V1Pod Pod)>();
        while (await watch.MoveNextAsync())
        {
            var (eventType, pod) = watch.Current;
            seen.Add((eventType, pod));
            if (eventType == type && pod.Metadata.Name == name)
            {
                return seen;
            }
        }

        throw new Xunit.Sdk.XunitException($"the watch ended before {type} {name}; seen: {string.Join(", ", seen.Select(e => $"{e.Type} {e.Pod.Metadata.Name}"))}");
    }

    private static V1Pod Pod(string name, string app = "web") => new()
    {
        ApiVersion = V1Pod.KubeApiVersion,
        Kind = V1Pod.KubeKind,
        Metadata = new V1ObjectMeta { Name = name, Labels = new Dictionary<string, string> { ["app"] = app } },
        Spec = new V1PodSpec { Containers = [new V1Container { Name = "main", Image = "busybox:1.36" }] },
    };
}
