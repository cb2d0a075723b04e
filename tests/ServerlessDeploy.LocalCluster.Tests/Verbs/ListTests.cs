using System.Net;
using k8s;
using k8s.Models;
using ServerlessDeploy.LocalCluster.Tests.Support;

namespace ServerlessDeploy.LocalCluster.Tests.Verbs;

/// <summary>List calls: label selectors of every form, field selectors on name and namespace, and paging with limit/continue.</summary>
public sealed class ListTests(NoControllersFixture cluster) : IClassFixture<NoControllersFixture>
{
    [Theory]
    [InlineData("tier=web", "web-1,web-2")]
    [InlineData("tier==web", "web-1,web-2")]
    [InlineData("tier!=web", "api,legacy,plain")]
    [InlineData("tier in (web, api)", "api,web-1,web-2")]
    [InlineData("tier notin (web)", "api,legacy,plain")]
    [InlineData("tier", "api,legacy,web-1,web-2")]
    [InlineData("!tier", "plain")]
    [InlineData("tier in (web,api),!legacy,track=stable", "api,web-1")]
    [InlineData("rank>1", "web-2")]
    public async Task Label_selector_returns_exactly_the_matching_objects(string selector, string expected)
    {
        var ns = await CreateLabelledConfigMapsAsync();

        var list = await cluster.Client.CoreV1.ListNamespacedConfigMapAsync(ns, labelSelector: selector);

        Assert.Equal(expected, string.Join(',', list.Items.Select(c => c.Name())));
    }

    [Fact]
    public async Task Field_selector_on_metadata_name_returns_that_object()
    {
        var ns = await CreateLabelledConfigMapsAsync();

        var list = await cluster.Client.CoreV1.ListNamespacedConfigMapAsync(ns, fieldSelector: "metadata.name=api");

        Assert.Equal("api", Assert.Single(list.Items).Name());
        var others = await cluster.Client.CoreV1.ListNamespacedConfigMapAsync(ns, fieldSelector: "metadata.name!=api");
        Assert.Equal(4, others.Items.Count);
    }

    [Fact]
    public async Task Field_selector_on_metadata_namespace_filters_a_list_across_namespaces()
    {
        var ns = await CreateLabelledConfigMapsAsync();
        await CreateLabelledConfigMapsAsync();

        var list = await cluster.Client.CoreV1.ListConfigMapForAllNamespacesAsync(fieldSelector: $"metadata.namespace={ns}");

        Assert.Equal(5, list.Items.Count);
        Assert.All(list.Items, c => Assert.Equal(ns, c.Namespace()));
    }

    [Fact]
    public async Task Field_and_label_selectors_combine()
    {
        var ns = await CreateLabelledConfigMapsAsync();

        var list = await cluster.Client.CoreV1.ListNamespacedConfigMapAsync(ns, labelSelector: "tier=web", fieldSelector: "metadata.name!=web-1");

        Assert.Equal("web-2", Assert.Single(list.Items).Name());
    }

    [Fact]
    public async Task Limit_and_continue_page_through_every_object_once()
    {
        var ns = await cluster.CreateNamespaceAsync();
        var names = Enumerable.Range(0, 7).Select(i => $"item-{i}").ToList();
        foreach (var name in names)
        {
            await cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new() { Name = name } }, ns);
        }

        var first = await cluster.Client.CoreV1.ListNamespacedConfigMapAsync(ns, limit: 3);
        Assert.Equal(3, first.Items.Count);
        Assert.Equal(4, first.Metadata.RemainingItemCount);
        var seen = first.Items.Select(c => c.Name()).ToList();
        var continueToken = first.Metadata.ContinueProperty;
        while (!string.IsNullOrEmpty(continueToken))
        {
            var page = await cluster.Client.CoreV1.ListNamespacedConfigMapAsync(ns, limit: 3, continueParameter: continueToken);
            seen.AddRange(page.Items.Select(c => c.Name()));
            continueToken = page.Metadata.ContinueProperty;
        }

        Assert.Equal(names, seen);
    }

    [Fact]
    public async Task List_carries_the_list_kind_and_a_resourceVersion()
    {
        var ns = await CreateLabelledConfigMapsAsync();

        var list = await cluster.Client.CoreV1.ListNamespacedConfigMapAsync(ns);

        Assert.Equal(("v1", "ConfigMapList"), (list.ApiVersion, list.Kind));
        Assert.False(string.IsNullOrEmpty(list.Metadata.ResourceVersion));
    }

    [Theory]
    [InlineData("labelSelector=tier%20in%20(web", "BadRequest")]
    [InlineData("fieldSelector=data.greeting%3Dhello", "BadRequest")]
    [InlineData("limit=many", "BadRequest")]
    public async Task A_malformed_list_query_is_BadRequest(string query, string reason)
    {
        var ns = await cluster.CreateNamespaceAsync();

        using var response = await cluster.Http.GetAsync($"/api/v1/namespaces/{ns}/configmaps?{query}");

        await StatusAssert.IsFailureAsync(response, HttpStatusCode.BadRequest, reason);
    }

    /// <summary>Five ConfigMaps in a new namespace: web-1, web-2 (tier=web), api (tier=api), legacy (tier=old, legacy), plain (no labels).</summary>
    private async Task<string> CreateLabelledConfigMapsAsync()
    {
        var ns = await cluster.CreateNamespaceAsync();
        (string Name, Dictionary<string, string>? Labels)[] maps =
        [
            ("web-1", new() { ["tier"] = "web", ["track"] = "stable", ["rank"] = "1" }),
            ("web-2", new() { ["tier"] = "web", ["track"] = "canary", ["rank"] = "2" }),
            ("api", new() { ["tier"] = "api", ["track"] = "stable" }),
            ("legacy", new() { ["tier"] = "old", ["legacy"] = "true", ["track"] = "stable" }),
            ("plain", null),
        ];
        foreach (var (name, labels) in maps)
        {
            var map = new V1ConfigMap { Metadata = new() { Name = name, Labels = labels }, Data = new Dictionary<string, string> { ["greeting"] = "hello" } };
            await cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(map, ns);
        }

        return ns;
    }
}
