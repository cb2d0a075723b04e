using System.Net;
using System.Text.Json.Nodes;
using ServerlessDeploy.LocalCluster.Hosting;
using ServerlessDeploy.LocalCluster.Tests.Harness;

namespace ServerlessDeploy.LocalCluster.Tests.Watch;

/// <summary>
/// watch=true on a list, read as kube-apiserver sends it: line-delimited JSON events. Simulated controllers may add
/// MODIFIED events of their own (status), so the tests assert order and content, not an exact count of MODIFIED events.
/// </summary>
public sealed class RawWatchTests : IAsyncLifetime
{
    private const string Ns = "shop";
    private TestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _cluster = await TestCluster.StartAsync();
        await _cluster.CreateNamespaceAsync(Ns);
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Theory]
    [InlineData("deployments")]
    [InlineData("jobs")]
    [InlineData("pods")]
    public async Task Watching_from_a_resource_version_replays_added_modified_and_deleted_in_order(string plural)
    {
        var from = await ListRevisionAsync(plural);
        await CreateAsync(plural, "web", app: "web");
        await LabelAsync(plural, "web", "stage", "two");
        await DeleteAsync(plural, "web");

        using var watch = await RawWatch.OpenAsync(_cluster.Http, $"{Workload.Collection(plural, Ns)}?watch=true&resourceVersion={from}");
        var events = await watch.ReadUntilAsync(e => e.Type == "DELETED");

        AssertLifecycle(events, "web");
    }

    [Theory]
    [InlineData("deployments")]
    [InlineData("jobs")]
    [InlineData("pods")]
    public async Task Watching_from_now_starts_with_the_current_objects_as_added_then_follows_changes(string plural)
    {
        await CreateAsync(plural, "existing", app: "web");

        using var watch = await RawWatch.OpenAsync(_cluster.Http, $"{Workload.Collection(plural, Ns)}?watch=true");
        var initial = await watch.ReadUntilAsync(_ => true);
        await CreateAsync(plural, "later", app: "web");
        await LabelAsync(plural, "later", "stage", "two");
        await DeleteAsync(plural, "later");
        var later = await watch.ReadUntilAsync(e => e.Type == "DELETED" && e.Name == "later");

        Assert.Equal("ADDED existing", $"{initial[0].Type} {initial[0].Name}");
        AssertLifecycle(later.Where(e => e.Name == "later").ToList(), "later");
    }

    [Theory]
    [InlineData("deployments")]
    [InlineData("jobs")]
    [InlineData("pods")]
    public async Task A_label_selector_keeps_the_events_of_other_objects_out(string plural)
    {
        using var watch = await RawWatch.OpenAsync(_cluster.Http, $"{Workload.Collection(plural, Ns)}?watch=true&labelSelector=app%3Dweb");
        await CreateAsync(plural, "db", app: "db");
        await CreateAsync(plural, "web", app: "web");
        await LabelAsync(plural, "db", "stage", "two");
        await LabelAsync(plural, "web", "stage", "two");
        await DeleteAsync(plural, "db");
        await DeleteAsync(plural, "web");

        var events = await watch.ReadUntilAsync(e => e.Type == "DELETED");

        AssertLifecycle(events, "web");
    }

    [Fact]
    public async Task A_field_selector_on_the_name_keeps_the_events_of_other_pods_out()
    {
        using var watch = await RawWatch.OpenAsync(_cluster.Http, $"{Workload.Collection("pods", Ns)}?watch=true&fieldSelector=metadata.name%3Dweb");
        await CreateAsync("pods", "db", app: "web");
        await CreateAsync("pods", "web", app: "web");
        await LabelAsync("pods", "db", "stage", "two");
        await LabelAsync("pods", "web", "stage", "two");
        await DeleteAsync("pods", "db");
        await DeleteAsync("pods", "web");

        var events = await watch.ReadUntilAsync(e => e.Type == "DELETED");

        AssertLifecycle(events, "web");
    }

    [Fact]
    public async Task Watching_from_a_resource_version_older_than_the_history_is_410_Expired()
    {
        await CreateAsync("pods", "web", app: "web");
        var from = await ListRevisionAsync("pods");
        await FillHistoryPastAsync(from);

        using var response = await _cluster.Http.GetAsync($"{Workload.Collection("pods", Ns)}?watch=true&resourceVersion={from}");

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        var status = await TestCluster.ReadJsonAsync(response);
        Assert.Equal(("Expired", 410), (status["reason"]!.GetValue<string>(), status["code"]!.GetValue<int>()));
        Assert.Contains("too old resource version", status["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stopping_the_server_ends_its_open_watches()
    {
        var server = await LocalApiServer.StartAsync(new LocalClusterOptions());
        using var http = new HttpClient { BaseAddress = server.Url, Timeout = TestCluster.Patience };
        using var watch = await RawWatch.OpenAsync(http, "/api/v1/configmaps?watch=true");

        var stopping = server.DisposeAsync();
        var rest = await watch.ReadToEndAsync();

        await stopping;
        Assert.Equal("", rest);
    }

    /// <summary>ADDED first, DELETED last, MODIFIED between (one of them the label change), one object, each event newer than the one before.</summary>
    private static void AssertLifecycle(List<WatchEventLine> events, string name)
    {
        Assert.All(events, e => Assert.Equal(name, e.Name));
        Assert.Equal("ADDED", events[0].Type);
        Assert.Equal("DELETED", events[^1].Type);
        Assert.All(events[1..^1], e => Assert.Equal("MODIFIED", e.Type));
        Assert.Contains(events[1..^1], e => e.Label("stage") == "two");
        Assert.Equal(events.Select(e => e.ResourceVersion).Order(), events.Select(e => e.ResourceVersion));
        Assert.Equal(events.Count, events.Select(e => e.ResourceVersion).Distinct().Count());
    }

    /// <summary>
    /// Pushes the event history (20,000 events) past <paramref name="revision"/>: the writes go to the store in-process,
    /// as over HTTP they would take a test far too long.
    /// </summary>
    private async Task FillHistoryPastAsync(string revision)
    {
        await CreateAsync("configmaps", "churn", app: "churn");
        var store = _cluster.Server.Services.State.Store;
        var configMaps = _cluster.Server.Services.State.Registry.Find("", "v1", "configmaps")!;
        for (var i = 0; i < 20_001; i++)
        {
            store.Change(configMaps, Ns, "churn", current => new Storage.StoreChange.Write(current!), dryRun: false);
        }

        Assert.True(store.Revision > long.Parse(revision, System.Globalization.CultureInfo.InvariantCulture) + 20_000);
    }

    private async Task<string> ListRevisionAsync(string plural)
    {
        using var response = await _cluster.Http.GetAsync(Workload.Collection(plural, Ns));
        return (await TestCluster.ReadJsonAsync(response))["metadata"]!["resourceVersion"]!.GetValue<string>();
    }

    private async Task CreateAsync(string plural, string name, string app)
    {
        var (path, body) = plural == "configmaps"
            ? ($"/api/v1/namespaces/{Ns}/configmaps", $$$"""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"{{{name}}}"}}""")
            : (Workload.Collection(plural, Ns), Workload.Manifest(plural, name, app));
        using var response = await _cluster.SendAsync(HttpMethod.Post, path, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    private async Task LabelAsync(string plural, string name, string key, string value)
    {
        using var response = await _cluster.SendAsync(
            HttpMethod.Patch, $"{Workload.Collection(plural, Ns)}/{name}", new JsonObject { ["metadata"] = new JsonObject { ["labels"] = new JsonObject { [key] = value } } }.ToJsonString(), "application/merge-patch+json");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private async Task DeleteAsync(string plural, string name)
    {
        using var response = await _cluster.SendAsync(HttpMethod.Delete, $"{Workload.Collection(plural, Ns)}/{name}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }
}
