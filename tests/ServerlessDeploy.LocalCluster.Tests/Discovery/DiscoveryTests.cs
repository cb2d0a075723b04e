using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using k8s;
using ServerlessDeploy.LocalCluster.Tests.Support;
using ServerlessDeploy.LocalCluster.Tests.Verbs;

namespace ServerlessDeploy.LocalCluster.Tests.Discovery;

/// <summary>/version, the legacy discovery lists, the aggregated form, and the OpenAPI v3 documents kubectl reads.</summary>
public sealed class DiscoveryTests(NoControllersFixture cluster) : IClassFixture<NoControllersFixture>
{
    private const string AggregatedMediaType = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";
    private static readonly string[] ObjectVerbs = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

    public static TheoryData<string, string> GroupVersions
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var (group, version) in SampleKind.All.Where(k => k.Group.Length > 0).Select(k => (k.Group, k.Version)).Distinct())
            {
                data.Add(group, version);
            }

            return data;
        }
    }

    [Fact]
    public async Task Version_reports_a_1_34_server()
    {
        var version = await cluster.Client.Version.GetCodeAsync();

        Assert.Equal(("1", "34"), (version.Major, version.Minor));
        Assert.StartsWith("v1.34.", version.GitVersion, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_lists_the_core_version_v1()
    {
        var versions = await cluster.Client.Core.GetAPIVersionsAsync();

        Assert.Equal(["v1"], versions.Versions);
    }

    [Fact]
    public async Task Core_v1_lists_every_core_kind_with_its_scope_and_verbs()
    {
        var list = await cluster.Client.CoreV1.GetAPIResourcesAsync();

        Assert.Equal("v1", list.GroupVersion);
        foreach (var kind in SampleKind.All.Where(k => k.Group.Length == 0))
        {
            var resource = Assert.Single(list.Resources, r => r.Name == kind.Plural);
            Assert.Equal((kind.Kind, kind.Namespaced), (resource.Kind, resource.Namespaced));
            Assert.Superset(ObjectVerbs.ToHashSet(), resource.Verbs.ToHashSet());
        }
    }

    [Theory]
    [MemberData(nameof(GroupVersions))]
    public async Task Each_group_version_lists_its_kinds(string group, string version)
    {
        var list = await GetJsonAsync($"/apis/{group}/{version}");

        Assert.Equal(("APIResourceList", $"{group}/{version}"), ((string?)list["kind"], (string?)list["groupVersion"]));
        var resources = list["resources"]!.AsArray().Select(r => ((string?)r!["name"], (string?)r["kind"], (bool?)r["namespaced"]));
        var expected = SampleKind.All.Where(k => k.Group == group && k.Version == version).Select(k => ((string?)k.Plural, (string?)k.Kind, (bool?)k.Namespaced));
        Assert.Superset(expected.ToHashSet(), resources.ToHashSet());
    }

    [Fact]
    public async Task Apis_lists_every_group_with_its_preferred_version()
    {
        var groups = await cluster.Client.Apis.GetAPIVersionsAsync();

        foreach (var kind in SampleKind.All.Where(k => k.Group.Length > 0))
        {
            var group = Assert.Single(groups.Groups, g => g.Name == kind.Group);
            Assert.Contains(group.Versions, v => v.GroupVersion == kind.ApiVersion && v.Version == kind.Version);
            Assert.Equal(kind.ApiVersion, group.PreferredVersion.GroupVersion);
        }
    }

    [Fact]
    public async Task A_group_names_its_versions()
    {
        var apps = await cluster.Client.Apps.GetAPIGroupAsync();

        Assert.Equal(("apps", "apps/v1"), (apps.Name, apps.PreferredVersion.GroupVersion));
    }

    [Fact]
    public async Task Status_subresources_are_listed_with_get_patch_and_update()
    {
        var list = await cluster.Client.AppsV1.GetAPIResourcesAsync();

        var status = Assert.Single(list.Resources, r => r.Name == "deployments/status");
        Assert.Equal(["get", "patch", "update"], status.Verbs.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(list.Resources, r => r.Name == "configmaps/status");
    }

    [Theory]
    [InlineData("deployments")]
    [InlineData("statefulsets")]
    [InlineData("replicasets")]
    public async Task Scale_subresources_are_listed_as_an_autoscaling_v1_Scale_with_get_patch_and_update(string plural)
    {
        var list = await cluster.Client.AppsV1.GetAPIResourcesAsync();

        var scale = Assert.Single(list.Resources, r => r.Name == $"{plural}/scale");
        Assert.Equal(("autoscaling", "v1", "Scale", true), (scale.Group, scale.Version, scale.Kind, scale.Namespaced));
        Assert.Equal(["get", "patch", "update"], scale.Verbs.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(list.Resources, r => r.Name == "daemonsets/scale");
    }

    [Theory]
    [InlineData("Deployment")]
    [InlineData("StatefulSet")]
    [InlineData("ReplicaSet")]
    public async Task Aggregated_discovery_lists_the_scale_subresource_beside_status(string kind)
    {
        using var response = await GetAsync("/apis", AggregatedMediaType);

        var resource = AggregatedResource(JsonNode.Parse(await response.Content.ReadAsStringAsync())!, SampleKind.Named(kind));
        var subresources = resource["subresources"]!.AsArray().ToDictionary(s => (string)s!["subresource"]!, s => s!);
        Assert.Equal(["scale", "status"], subresources.Keys.Order(StringComparer.Ordinal));
        var responseKind = subresources["scale"]["responseKind"]!;
        Assert.Equal(("autoscaling", "v1", "Scale"), ((string?)responseKind["group"], (string?)responseKind["version"], (string?)responseKind["kind"]));
        Assert.Equal(["get", "patch", "update"], subresources["scale"]["verbs"]!.AsArray().Select(v => (string?)v).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Aggregated_discovery_of_apis_lists_every_group_when_asked_for()
    {
        using var response = await GetAsync("/apis", AggregatedMediaType);

        Assert.Contains("as=APIGroupDiscoveryList", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        var list = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(("apidiscovery.k8s.io/v2", "APIGroupDiscoveryList"), ((string?)list["apiVersion"], (string?)list["kind"]));
        foreach (var kind in SampleKind.All.Where(k => k.Group.Length > 0))
        {
            var resource = AggregatedResource(list, kind);
            Assert.Equal(kind.Namespaced ? "Namespaced" : "Cluster", (string?)resource["scope"]);
        }
    }

    [Fact]
    public async Task Aggregated_discovery_of_api_lists_the_core_kinds_with_their_subresources()
    {
        using var response = await GetAsync("/api", AggregatedMediaType);

        var list = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var group = Assert.Single(list["items"]!.AsArray());
        Assert.Equal("", (string?)group!["metadata"]!["name"]);
        foreach (var kind in SampleKind.All.Where(k => k.Group.Length == 0))
        {
            AggregatedResource(list, kind);
        }

        var pods = AggregatedResource(list, SampleKind.Named("Pod"));
        var subresources = (pods["subresources"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        Assert.Equal(["eviction", "status"], subresources.Select(s => (string?)s["subresource"]));
        var eviction = subresources[0];
        var responseKind = eviction["responseKind"];
        Assert.Equal(("policy", "v1", "Eviction"), ((string?)responseKind?["group"], (string?)responseKind?["version"], (string?)responseKind?["kind"]));
        Assert.Equal(["create"], (eviction["verbs"] as JsonArray ?? []).Select(v => (string?)v));
    }

    [Fact]
    public async Task Without_the_aggregated_media_type_apis_is_the_legacy_group_list()
    {
        var list = await GetJsonAsync("/apis");

        Assert.Equal("APIGroupList", (string?)list["kind"]);
    }

    [Fact]
    public async Task OpenApi_v3_index_points_at_a_document_per_group_version()
    {
        var index = await GetJsonAsync("/openapi/v3");

        var paths = index["paths"]!.AsObject();
        var expected = SampleKind.All.Select(k => k.Group.Length == 0 ? "api/v1" : $"apis/{k.ApiVersion}").Distinct();
        Assert.Superset(expected.ToHashSet(), paths.Select(p => p.Key).ToHashSet());
        var apps = await GetJsonAsync((string)paths["apis/apps/v1"]!["serverRelativeURL"]!);
        var deployment = apps["components"]!["schemas"]!["io.k8s.api.apps.v1.Deployment"]!;
        Assert.Equal("Deployment", (string?)deployment["x-kubernetes-group-version-kind"]![0]!["kind"]);
    }

    [Fact]
    public async Task An_unknown_group_version_is_NotFound()
    {
        using var response = await GetAsync("/apis/nothing.example.com/v1", "application/json");

        await StatusAssert.IsFailureAsync(response, HttpStatusCode.NotFound, "NotFound");
    }

    private static JsonNode AggregatedResource(JsonNode list, SampleKind kind)
    {
        var group = list["items"]!.AsArray().Single(g => (string?)g!["metadata"]!["name"] == kind.Group)!;
        var version = group["versions"]!.AsArray().Single(v => (string?)v!["version"] == kind.Version)!;
        var resource = version["resources"]!.AsArray().SingleOrDefault(r => (string?)r!["resource"] == kind.Plural);
        Assert.True(resource is not null, $"{kind.Plural} is missing from {kind.ApiVersion}");
        Assert.Equal(kind.Kind, (string?)resource["responseKind"]!["kind"]);
        return resource;
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse(accept));
        var response = await cluster.Http.SendAsync(request);
        return response;
    }

    private async Task<JsonNode> GetJsonAsync(string path)
    {
        using var response = await GetAsync(path, "application/json");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!;
    }
}
