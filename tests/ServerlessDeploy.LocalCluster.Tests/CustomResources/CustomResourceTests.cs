using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using ServerlessDeploy.LocalCluster.Tests.Support;
using ServerlessDeploy.Testing.Clusters;
using ServerlessDeploy.Testing.Kubernetes;

namespace ServerlessDeploy.LocalCluster.Tests.CustomResources;

/// <summary>A CustomResourceDefinition created at run time: its kind is in discovery and serves CRUD and status right after the create returns.</summary>
public sealed class CustomResourceTests(NoControllersFixture cluster) : IClassFixture<NoControllersFixture>
{
    private const string Version = "v1";
    private const string Plural = "crontabs";

    [Fact]
    public async Task A_new_CRD_is_Established_with_its_accepted_names()
    {
        var crd = await CreateCrdAsync(ClusterFixture.UniqueName("est"));

        Assert.Contains(crd.Status.Conditions, c => (c.Type, c.Status) == ("Established", "True"));
        Assert.Equal(("CronTab", "crontabs", "CronTabList"), (crd.Status.AcceptedNames.Kind, crd.Status.AcceptedNames.Plural, crd.Status.AcceptedNames.ListKind));
    }

    [Fact]
    public async Task A_new_CRDs_group_version_is_in_discovery_as_soon_as_it_is_created()
    {
        var group = await CreateCrdGroupAsync();

        var resources = await GetJsonAsync($"/apis/{group}/{Version}");
        var groups = await cluster.Client.Apis.GetAPIVersionsAsync();

        var crontabs = Assert.Single(resources["resources"]!.AsArray(), r => (string?)r!["name"] == Plural)!;
        Assert.Equal(("CronTab", true), ((string?)crontabs["kind"], (bool?)crontabs["namespaced"]));
        Assert.Equal(["ct"], crontabs["shortNames"]!.AsArray().Select(n => (string?)n));
        Assert.Contains(resources["resources"]!.AsArray(), r => (string?)r!["name"] == $"{Plural}/status");
        Assert.Contains(groups.Groups, g => g.Name == group && g.PreferredVersion.Version == Version);
    }

    [Fact]
    public async Task A_new_CRDs_kind_is_in_the_aggregated_discovery_and_the_OpenAPI_index()
    {
        var group = await CreateCrdGroupAsync();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/apis");
        request.Headers.Accept.ParseAdd("application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList");
        using var response = await cluster.Http.SendAsync(request);
        var aggregated = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var index = await GetJsonAsync("/openapi/v3");

        var item = Assert.Single(aggregated["items"]!.AsArray(), i => (string?)i!["metadata"]!["name"] == group)!;
        Assert.Equal(Plural, (string?)item["versions"]![0]!["resources"]![0]!["resource"]);
        Assert.NotNull(index["paths"]![$"apis/{group}/{Version}"]);
    }

    [Fact]
    public async Task Custom_objects_are_created_read_and_listed_by_label()
    {
        var (group, ns) = await CreateCrdAndNamespaceAsync();
        var sample = CronTab(group);

        var created = await cluster.Client.CustomObjects.CreateNamespacedCustomObjectAsync<AnyObject>(sample, group, Version, ns, Plural);
        var read = await cluster.Client.CustomObjects.GetNamespacedCustomObjectAsync<AnyObject>(group, Version, ns, Plural, "nightly");
        var matching = await cluster.Client.CustomObjects.ListNamespacedCustomObjectAsync<AnyObjectList>(group, Version, ns, Plural, labelSelector: "schedule in (nightly)");
        var others = await cluster.Client.CustomObjects.ListNamespacedCustomObjectAsync<AnyObjectList>(group, Version, ns, Plural, labelSelector: "schedule!=nightly");

        Assert.True(Guid.TryParse(created.Uid(), out _));
        Assert.Equal((1L, created.ResourceVersion()), (read.Generation() ?? 0, read.ResourceVersion()));
        JsonAssert.Contains(sample.Fields, read.Fields);
        Assert.Equal(("CronTabList", "nightly"), (matching.Kind, Assert.Single(matching.Items).Name()));
        Assert.Empty(others.Items);
    }

    [Fact]
    public async Task Custom_objects_are_replaced_and_patched_and_their_generation_follows_the_spec()
    {
        var (group, ns) = await CreateCrdAndNamespaceAsync();
        var created = await cluster.Client.CustomObjects.CreateNamespacedCustomObjectAsync<AnyObject>(CronTab(group), group, Version, ns, Plural);

        created.Fields["spec"] = JsonSerializer.SerializeToElement(new { cronSpec = "0 4 * * *", image = "backup:1.5", replicas = 1 });
        var replaced = await cluster.Client.CustomObjects.ReplaceNamespacedCustomObjectAsync<AnyObject>(created, group, Version, ns, Plural, "nightly");
        var merged = await cluster.Client.CustomObjects.PatchNamespacedCustomObjectAsync<AnyObject>(
            new V1Patch("""{"spec":{"replicas":3}}""", V1Patch.PatchType.MergePatch), group, Version, ns, Plural, "nightly");
        var labelled = await cluster.Client.CustomObjects.PatchNamespacedCustomObjectAsync<AnyObject>(
            new V1Patch("""[{"op":"add","path":"/metadata/labels/team","value":"ops"}]""", V1Patch.PatchType.JsonPatch), group, Version, ns, Plural, "nightly");

        Assert.Equal("0 4 * * *", replaced.Fields["spec"].GetProperty("cronSpec").GetString());
        Assert.Equal(3, merged.Fields["spec"].GetProperty("replicas").GetInt32());
        Assert.Equal("ops", labelled.GetLabel("team"));
        Assert.Equal([2L, 3L, 3L], new[] { replaced.Generation(), merged.Generation(), labelled.Generation() }.Select(g => g ?? 0));
    }

    [Fact]
    public async Task Custom_objects_are_deleted()
    {
        var (group, ns) = await CreateCrdAndNamespaceAsync();
        await cluster.Client.CustomObjects.CreateNamespacedCustomObjectAsync<AnyObject>(CronTab(group), group, Version, ns, Plural);

        await cluster.Client.CustomObjects.DeleteNamespacedCustomObjectAsync<AnyObject>(group, Version, ns, Plural, "nightly");

        await StatusAssert.FailsAsync(
            () => cluster.Client.CustomObjects.GetNamespacedCustomObjectAsync<AnyObject>(group, Version, ns, Plural, "nightly"), HttpStatusCode.NotFound, "NotFound");
    }

    [Fact]
    public async Task The_status_of_a_custom_object_changes_only_through_its_status_subresource()
    {
        var (group, ns) = await CreateCrdAndNamespaceAsync();
        await cluster.Client.CustomObjects.CreateNamespacedCustomObjectAsync<AnyObject>(CronTab(group), group, Version, ns, Plural);
        var statusPatch = new V1Patch("""{"spec":{"replicas":9},"status":{"lastScheduleTime":"2026-01-01T03:00:00Z"}}""", V1Patch.PatchType.MergePatch);

        var ignored = await cluster.Client.CustomObjects.PatchNamespacedCustomObjectAsync<AnyObject>(
            new V1Patch("""{"status":{"lastScheduleTime":"never"}}""", V1Patch.PatchType.MergePatch), group, Version, ns, Plural, "nightly");
        var patched = await cluster.Client.CustomObjects.PatchNamespacedCustomObjectStatusAsync<AnyObject>(statusPatch, group, Version, ns, Plural, "nightly");

        Assert.False(ignored.Fields.ContainsKey("status"));
        Assert.Equal("2026-01-01T03:00:00Z", patched.Fields["status"].GetProperty("lastScheduleTime").GetString());
        Assert.Equal(1, patched.Fields["spec"].GetProperty("replicas").GetInt32());
    }

    [Fact]
    public async Task A_custom_object_with_a_field_its_schema_lacks_is_refused_under_strict_validation()
    {
        var (group, ns) = await CreateCrdAndNamespaceAsync();
        var sample = CronTab(group);
        sample.Fields["spec"] = JsonSerializer.SerializeToElement(new { cronSpec = "0 3 * * *", imagePullSecret = "x" });

        var status = await StatusAssert.FailsAsync(
            () => cluster.Client.CustomObjects.CreateNamespacedCustomObjectAsync<AnyObject>(sample, group, Version, ns, Plural, fieldValidation: "Strict"),
            HttpStatusCode.BadRequest,
            "BadRequest");

        Assert.Contains("strict decoding error: unknown field \"spec.imagePullSecret\"", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_the_CRD_stops_serving_its_kind_and_removes_its_objects()
    {
        var (group, ns) = await CreateCrdAndNamespaceAsync();
        await cluster.Client.CustomObjects.CreateNamespacedCustomObjectAsync<AnyObject>(CronTab(group), group, Version, ns, Plural);

        await cluster.Client.ApiextensionsV1.DeleteCustomResourceDefinitionAsync($"{Plural}.{group}");

        using var resources = await cluster.Http.GetAsync($"/apis/{group}/{Version}");
        await StatusAssert.IsFailureAsync(resources, HttpStatusCode.NotFound, "NotFound");
        await cluster.Client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(Crd(group));
        var list = await cluster.Client.CustomObjects.ListNamespacedCustomObjectAsync<AnyObjectList>(group, Version, ns, Plural);
        Assert.Empty(list.Items);
    }

    private async Task<V1CustomResourceDefinition> CreateCrdAsync(string unique) =>
        await cluster.Client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(Crd($"{unique}.example.com"));

    private async Task<string> CreateCrdGroupAsync() => (await CreateCrdAsync(ClusterFixture.UniqueName("crd"))).Spec.Group;

    private async Task<(string Group, string Namespace)> CreateCrdAndNamespaceAsync() => (await CreateCrdGroupAsync(), await cluster.CreateNamespaceAsync());

    /// <summary>The CronTab CRD of the Kubernetes walkthrough, in a group of the test's own.</summary>
    private static V1CustomResourceDefinition Crd(string group) =>
        ManifestModels.Read<V1CustomResourceDefinition>(Manifests.Read("CustomResources/crontab-crd.yaml", group));

    private static AnyObject CronTab(string group) =>
        AnyObject.FromCustomYaml(Manifests.Read("CustomResources/crontab.yaml", group));

    private async Task<JsonNode> GetJsonAsync(string path)
    {
        using var response = await cluster.Http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!;
    }
}
