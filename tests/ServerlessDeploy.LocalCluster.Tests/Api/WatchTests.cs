using System.Net;
using k8s;
using k8s.Models;
using ServerlessDeploy.LocalCluster.Tests.Support;
using ServerlessDeploy.Testing.Kubernetes;

namespace ServerlessDeploy.LocalCluster.Tests.Api;

/// <summary>Watches, which kubectl uses to wait for deletions: headers at once, then the changes after the resourceVersion asked for.</summary>
public sealed class WatchTests(NoControllersFixture cluster) : IClassFixture<NoControllersFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task A_watch_answers_with_its_headers_before_any_event()
    {
        // client-go cannot stop a watch whose headers have not come: "kubectl delete" would wait out its whole --timeout.
        var ns = await cluster.CreateNamespaceAsync();
        using var deadline = new CancellationTokenSource(Deadline);

        using var response = await cluster.Http.GetAsync($"/api/v1/namespaces/{ns}/configmaps?watch=true", HttpCompletionOption.ResponseHeadersRead, deadline.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_watch_from_a_resourceVersion_streams_the_later_changes_in_order()
    {
        var ns = await cluster.CreateNamespaceAsync();
        var list = await cluster.Client.CoreV1.ListNamespacedConfigMapAsync(ns);
        using var deadline = new CancellationTokenSource(Deadline);
        var events = cluster.Client.WatchAsync<V1ConfigMap>(ns, resourceVersion: list.ResourceVersion(), cancellationToken: deadline.Token);

        await cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new() { Name = "watched" } }, ns);
        await cluster.Client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("""{"data":{"a":"b"}}""", V1Patch.PatchType.MergePatch), "watched", ns);
        await cluster.Client.CoreV1.DeleteNamespacedConfigMapAsync("watched", ns);

        var seen = new List<(WatchEventType, string)>();
        await foreach (var (type, map) in events)
        {
            seen.Add((type, map.Name()));
            if (seen.Count == 3)
            {
                break;
            }
        }

        Assert.Equal([(WatchEventType.Added, "watched"), (WatchEventType.Modified, "watched"), (WatchEventType.Deleted, "watched")], seen);
    }
}
