using System.Net;
using System.Text.Json.Nodes;
using ServerlessDeploy.LocalCluster.Tests.Support;
using ServerlessDeploy.Testing.Clusters;

namespace ServerlessDeploy.LocalCluster.Tests.Kubectl;

/// <summary>
/// The bootstrapped kubectl 1.34 as an independent client. Objects are created with "create -f" and YAML: kubectl's
/// generator commands ("kubectl create namespace x", "create configmap …") send protobuf, which the server answers
/// with 415 (a known limitation, see the skipped test below). Manifests are YAML documents rather than a "kind: List":
/// kubectl validates a List on the client against /openapi/v2 (protobuf), which the server does not serve.
/// </summary>
public sealed class KubectlTests(NoControllersFixture cluster) : IClassFixture<NoControllersFixture>
{
    private static readonly string App = Manifests.PathOf("Kubectl/app.yaml");

    [Fact]
    public async Task Create_f_of_a_Deployment_Service_and_ConfigMap_then_get_shows_all_three()
    {
        var ns = await cluster.CreateNamespaceAsync();

        var created = await cluster.Kubectl.SucceedAsync("create", "-f", App, "-n", ns);
        var list = JsonNode.Parse(await cluster.Kubectl.SucceedAsync("get", "deployments,services,configmaps", "-n", ns, "-o", "json"))!;

        Assert.Equal(["configmap/web-config created", "deployment.apps/web created", "service/web created"], Lines(created));
        var items = list["items"]!.AsArray().ToDictionary(i => $"{i!["kind"]}/{i["metadata"]!["name"]}", i => i!);
        Assert.Equal(["ConfigMap/web-config", "Deployment/web", "Service/web"], items.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(2, (int?)items["Deployment/web"]["spec"]!["replicas"]);
        Assert.Equal("hello", (string?)items["ConfigMap/web-config"]["data"]!["greeting"]);
        Assert.Matches(@"^10\.96\.\d+\.\d+$", (string?)items["Service/web"]["spec"]!["clusterIP"]);
        Assert.All(items.Values, i => Assert.Equal(ns, (string?)i["metadata"]!["namespace"]));
    }

    [Fact]
    public async Task Delete_ns_removes_the_namespace_and_everything_in_it()
    {
        var ns = ClusterFixture.UniqueName("doomed");
        await cluster.Kubectl.RunWithInputAsync(Manifests.Read("Kubectl/namespace.yaml", ns), "create", "-f", "-");
        await cluster.Kubectl.SucceedAsync("create", "-f", App, "-n", ns);

        var deleted = await cluster.Kubectl.SucceedAsync("delete", "namespace", ns, "--timeout=30s");

        Assert.Equal([$"namespace \"{ns}\" deleted"], Lines(deleted));
        var missing = await cluster.Kubectl.RunAsync("get", "namespace", ns);
        Assert.Equal($"Error from server (NotFound): namespaces \"{ns}\" not found", missing.Error.Trim());
        var leftovers = await cluster.Kubectl.SucceedAsync("get", "deployments,services,configmaps", "-A", "--field-selector", $"metadata.namespace={ns}", "-o", "name");
        Assert.Empty(Lines(leftovers));
    }

    [Fact]
    public async Task Get_with_a_set_based_label_selector_lists_only_the_matching_objects()
    {
        var ns = await cluster.CreateNamespaceAsync();
        await cluster.Kubectl.SucceedAsync("create", "-f", Manifests.PathOf("Kubectl/tiers.yaml"), "-n", ns);

        var selected = await cluster.Kubectl.SucceedAsync("get", "configmaps", "-n", ns, "-l", "tier in (web,api),!legacy", "-o", "name");
        var excluded = await cluster.Kubectl.SucceedAsync("get", "configmaps", "-n", ns, "-l", "tier notin (web,api)", "-o", "name");

        Assert.Equal(["configmap/api", "configmap/web"], Lines(selected));
        Assert.Equal(["configmap/batch"], Lines(excluded));
    }

    [Fact]
    public async Task Api_resources_lists_every_built_in_kind()
    {
        var resources = Lines(await cluster.Kubectl.SucceedAsync("api-resources", "-o", "name"));

        var expected = Verbs.SampleKind.All.Select(k => k.Group.Length == 0 ? k.Plural : $"{k.Plural}.{k.Group}");
        Assert.Superset(expected.ToHashSet(), resources.ToHashSet());
    }

    [Fact]
    public async Task A_CRDs_kind_is_listed_by_api_resources_and_usable_right_after_create_f()
    {
        var ns = await cluster.CreateNamespaceAsync();

        await cluster.Kubectl.SucceedAsync("create", "-f", Manifests.PathOf("Kubectl/crd.yaml"));
        var resources = await cluster.Kubectl.SucceedAsync("api-resources", "--api-group=stable.example.com", "-o", "name");
        var created = await cluster.Kubectl.SucceedAsync("create", "-f", Manifests.PathOf("Kubectl/crontab.yaml"), "-n", ns);
        var byShortName = await cluster.Kubectl.SucceedAsync("get", "ct", "-n", ns, "-o", "jsonpath={.items[*].spec.cronSpec}");

        Assert.Equal(["crontabs.stable.example.com"], Lines(resources));
        Assert.Equal(["crontab.stable.example.com/nightly created"], Lines(created));
        Assert.Equal("0 3 * * *", byShortName);
    }

    [Fact]
    public async Task Create_f_of_a_manifest_with_an_unknown_field_fails_with_the_strict_decoding_error()
    {
        var ns = await cluster.CreateNamespaceAsync();

        var result = await cluster.Kubectl.RunAsync("create", "-f", Manifests.PathOf("Kubectl/unknown-field.yaml"), "-n", ns);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Error from server (BadRequest)", result.Error, StringComparison.Ordinal);
        Assert.Contains("Deployment in version \"v1\" cannot be handled as a Deployment: strict decoding error: unknown field \"spec.replicaz\"", result.Error, StringComparison.Ordinal);
        Assert.False((await cluster.Kubectl.RunAsync("get", "deployment", "typo", "-n", ns)).Succeeded, "nothing was created");
    }

    [Fact]
    public async Task Replace_f_stores_the_new_manifest()
    {
        var ns = await cluster.CreateNamespaceAsync();
        await cluster.Kubectl.SucceedAsync("create", "-f", App, "-n", ns);

        var replaced = await cluster.Kubectl.SucceedAsync("replace", "-f", Manifests.PathOf("Kubectl/app-v2.yaml"), "-n", ns);
        var image = await cluster.Kubectl.SucceedAsync("get", "deployment", "web", "-n", ns, "-o", "jsonpath={.spec.replicas} {.spec.template.spec.containers[0].image} {.metadata.generation}");

        Assert.Equal(["deployment.apps/web replaced"], Lines(replaced));
        Assert.Equal("3 nginx:1.28 2", image);
    }

    [Fact]
    public async Task Patch_with_a_merge_patch_and_a_json_patch_changes_the_object()
    {
        var ns = await cluster.CreateNamespaceAsync();
        await cluster.Kubectl.SucceedAsync("create", "-f", App, "-n", ns);

        await cluster.Kubectl.SucceedAsync("patch", "configmap", "web-config", "-n", ns, "--type", "merge", "-p", """{"data":{"greeting":"hi","lang":"en"}}""");
        await cluster.Kubectl.SucceedAsync("patch", "configmap", "web-config", "-n", ns, "--type", "json", "-p", """[{"op":"remove","path":"/data/lang"}]""");
        var data = await cluster.Kubectl.SucceedAsync("get", "configmap", "web-config", "-n", ns, "-o", "jsonpath={.data}");

        Assert.Equal("""{"greeting":"hi"}""", data);
    }

    [Fact]
    public async Task Label_then_get_by_that_label()
    {
        var ns = await cluster.CreateNamespaceAsync();
        await cluster.Kubectl.SucceedAsync("create", "-f", App, "-n", ns);

        await cluster.Kubectl.SucceedAsync("label", "deployment", "web", "-n", ns, "team=blue");
        var labelled = await cluster.Kubectl.SucceedAsync("get", "all", "-n", ns, "-l", "team=blue", "-o", "name");

        Assert.Equal(["deployment.apps/web"], Lines(labelled));
    }

    [Fact]
    public async Task Delete_f_removes_what_the_manifest_names()
    {
        var ns = await cluster.CreateNamespaceAsync();
        await cluster.Kubectl.SucceedAsync("create", "-f", App, "-n", ns);

        await cluster.Kubectl.SucceedAsync("delete", "-f", App, "-n", ns, "--timeout=30s");
        var left = await cluster.Kubectl.SucceedAsync("get", "deployments,services,configmaps", "-n", ns, "-o", "name");

        Assert.Empty(Lines(left));
    }

    [Fact]
    public async Task Errors_come_back_with_their_reason()
    {
        var ns = await cluster.CreateNamespaceAsync();
        await cluster.Kubectl.SucceedAsync("create", "-f", App, "-n", ns);

        var missing = await cluster.Kubectl.RunAsync("get", "configmap", "missing", "-n", ns);
        var twice = await cluster.Kubectl.RunAsync("create", "-f", App, "-n", ns);
        var nowhere = await cluster.Kubectl.RunAsync("create", "-f", App, "-n", "nowhere");

        Assert.Equal("Error from server (NotFound): configmaps \"missing\" not found", missing.Error.Trim());
        Assert.Contains("Error from server (AlreadyExists): error when creating", twice.Error, StringComparison.Ordinal);
        Assert.Contains("configmaps \"web-config\" already exists", twice.Error, StringComparison.Ordinal);
        Assert.Contains("Error from server (NotFound): error when creating", nowhere.Error, StringComparison.Ordinal);
        Assert.Contains("namespaces \"nowhere\" not found", nowhere.Error, StringComparison.Ordinal);
    }

    [Fact(Skip = "Known limitation: kubectl's generator commands send protobuf bodies, which the server answers with 415 UnsupportedMediaType.")]
    public async Task Create_namespace_with_the_generator_command()
    {
        var ns = ClusterFixture.UniqueName("generated");

        await cluster.Kubectl.SucceedAsync("create", "namespace", ns);

        Assert.Equal(HttpStatusCode.OK, (await cluster.Http.GetAsync($"/api/v1/namespaces/{ns}")).StatusCode);
    }

    private static List<string> Lines(string output) =>
        [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Order(StringComparer.Ordinal)];
}
