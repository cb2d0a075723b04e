using k8s;
using k8s.Models;
using ServerlessDeploy.LocalCluster.Tests.Harness;
using ServerlessDeploy.Testing.Processes;

namespace ServerlessDeploy.LocalCluster.Tests.Apply;

/// <summary>`kubectl apply --server-side` and `kubectl diff --server-side` against the local server, as users run them.</summary>
public sealed class KubectlServerSideApplyTests : IAsyncLifetime
{
    private const string Ns = "shop";
    private const string ContainerWeb = """k:{"name":"web"}""";
    private TestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _cluster = await TestCluster.StartAsync();
        await _cluster.CreateNamespaceAsync(Ns);
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Applying_a_directory_creates_each_object_with_kubectl_as_its_Apply_manager()
    {
        var outcome = await ApplyAsync("app");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        var deployment = await _cluster.Client.AppsV1.ReadNamespacedDeploymentAsync("web", Ns);
        var service = await _cluster.Client.CoreV1.ReadNamespacedServiceAsync("web", Ns);
        var configMap = await _cluster.Client.CoreV1.ReadNamespacedConfigMapAsync("web", Ns);
        foreach (var metadata in new[] { deployment.Metadata, service.Metadata, configMap.Metadata })
        {
            var entry = Assert.Single(metadata.ManagedFields);
            Assert.Equal(("kubectl", "Apply", "FieldsV1"), (entry.Manager, entry.Operation, entry.FieldsType));
        }

        Assert.True(FieldsV1.Owns(deployment.Metadata, "kubectl", "f:spec", "f:template", "f:spec", "f:containers", ContainerWeb, "f:image"));
        Assert.True(FieldsV1.Owns(deployment.Metadata, "kubectl", "f:spec", "f:template", "f:spec", "f:containers", """k:{"name":"sidecar"}""", "."));
        Assert.True(FieldsV1.Owns(configMap.Metadata, "kubectl", "f:data", "f:greeting"));
    }

    [Fact]
    public async Task Reapplying_without_a_label_removes_the_label()
    {
        await ApplyAsync("app");

        await ApplyAsync("deployment-without-tier-label.yaml");

        var deployment = await _cluster.Client.AppsV1.ReadNamespacedDeploymentAsync("web", Ns);
        Assert.Equal(new Dictionary<string, string> { ["app"] = "web" }, deployment.Metadata.Labels);
    }

    [Fact]
    public async Task Reapplying_without_an_env_var_removes_only_that_env_var()
    {
        await ApplyAsync("app");

        await ApplyAsync("deployment-without-env-b.yaml");

        var web = await ContainerAsync("web");
        Assert.Equal([("A", "1")], web.Env.Select(e => (e.Name, e.Value)));
        Assert.Equal("nginx:1.27", web.Image);
    }

    [Fact]
    public async Task Reapplying_without_a_container_removes_the_container()
    {
        await ApplyAsync("app");

        await ApplyAsync("deployment-without-sidecar.yaml");

        var deployment = await _cluster.Client.AppsV1.ReadNamespacedDeploymentAsync("web", Ns);
        var web = Assert.Single(deployment.Spec.Template.Spec.Containers);
        Assert.Equal("web", web.Name);
        Assert.False(FieldsV1.Owns(deployment.Metadata, "kubectl", "f:spec", "f:template", "f:spec", "f:containers", """k:{"name":"sidecar"}"""));
    }

    [Fact]
    public async Task A_second_manager_applying_another_value_fails_with_a_conflict_naming_the_field_and_its_owner()
    {
        await ApplyAsync("app");

        var outcome = await ApplyAsync("deployment-replicas-5.yaml", "--field-manager=other", "-v=6");

        Assert.NotEqual(0, outcome.ExitCode);
        Assert.Contains("409 Conflict", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("Apply failed with 1 conflict: conflict with \"kubectl\"", outcome.Error, StringComparison.Ordinal);
        Assert.Contains(".spec.replicas", outcome.Error, StringComparison.Ordinal);
        var deployment = await _cluster.Client.AppsV1.ReadNamespacedDeploymentAsync("web", Ns);
        Assert.Equal(2, deployment.Spec.Replicas);
        Assert.DoesNotContain("other", FieldsV1.Managers(deployment.Metadata));
    }

    [Fact]
    public async Task Forcing_the_conflicting_apply_moves_ownership_of_the_field_to_the_second_manager()
    {
        await ApplyAsync("app");

        var outcome = await ApplyAsync("deployment-replicas-5.yaml", "--field-manager=other", "--force-conflicts");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        var deployment = await _cluster.Client.AppsV1.ReadNamespacedDeploymentAsync("web", Ns);
        Assert.Equal(5, deployment.Spec.Replicas);
        Assert.True(FieldsV1.Owns(deployment.Metadata, "other", "f:spec", "f:replicas"));
        Assert.False(FieldsV1.Owns(deployment.Metadata, "kubectl", "f:spec", "f:replicas"));
        Assert.True(FieldsV1.Owns(deployment.Metadata, "kubectl", "f:spec", "f:template", "f:spec", "f:containers", ContainerWeb, "f:image"));
    }

    [Fact]
    public async Task Applying_the_same_value_as_another_manager_shares_the_field_without_a_conflict()
    {
        await ApplyAsync("app");

        var outcome = await ApplyAsync("deployment-replicas-2-only.yaml", "--field-manager=other");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        var deployment = await _cluster.Client.AppsV1.ReadNamespacedDeploymentAsync("web", Ns);
        Assert.True(FieldsV1.Owns(deployment.Metadata, "kubectl", "f:spec", "f:replicas"));
        Assert.True(FieldsV1.Owns(deployment.Metadata, "other", "f:spec", "f:replicas"));
    }

    [Fact]
    public async Task A_shared_field_survives_when_one_of_its_managers_stops_applying_it()
    {
        await ApplyAsync("app");
        await ApplyAsync("deployment-replicas-2-only.yaml", "--field-manager=other");

        await ApplyAsync("deployment-without-replicas.yaml");

        var deployment = await _cluster.Client.AppsV1.ReadNamespacedDeploymentAsync("web", Ns);
        Assert.Equal(2, deployment.Spec.Replicas);
        Assert.False(FieldsV1.Owns(deployment.Metadata, "kubectl", "f:spec", "f:replicas"));
        Assert.True(FieldsV1.Owns(deployment.Metadata, "other", "f:spec", "f:replicas"));
    }

    [Fact]
    public async Task Server_side_diff_shows_a_pending_change_and_nothing_once_it_is_applied()
    {
        await ApplyAsync("app");

        var before = await DiffAsync("configmap-greeting-changed.yaml");
        await ApplyAsync("configmap-greeting-changed.yaml");
        var after = await DiffAsync("configmap-greeting-changed.yaml");

        Assert.True(before.ExitCode == 1, before.ToString());
        Assert.Contains("-  greeting: hello", before.Output, StringComparison.Ordinal);
        Assert.Contains("+  greeting: hi", before.Output, StringComparison.Ordinal);
        Assert.True(after.ExitCode == 0, after.ToString());
        Assert.Equal("", after.Output);
    }

    [Fact]
    public async Task Applying_a_field_the_kind_does_not_have_fails_naming_it()
    {
        var outcome = await ApplyAsync("deployment-unknown-field.yaml");

        Assert.NotEqual(0, outcome.ExitCode);
        Assert.Contains("strict decoding error: unknown field \"spec.foo\"", outcome.Error, StringComparison.Ordinal);
        var list = await _cluster.Client.AppsV1.ListNamespacedDeploymentAsync(Ns);
        Assert.Empty(list.Items);
    }

    private async Task<V1Container> ContainerAsync(string name)
    {
        var deployment = await _cluster.Client.AppsV1.ReadNamespacedDeploymentAsync("web", Ns);
        return deployment.Spec.Template.Spec.Containers.Single(c => c.Name == name);
    }

    private Task<ProcessResult> ApplyAsync(string fixture, params string[] flags) =>
        _cluster.Kubectl.RunAsync(["apply", "--server-side", "-n", Ns, "-f", TestCluster.Fixture(Path.Combine("Apply", "Fixtures", fixture)), .. flags]);

    private Task<ProcessResult> DiffAsync(string fixture) =>
        _cluster.Kubectl.RunAsync("diff", "--server-side", "-n", Ns, "-f", TestCluster.Fixture(Path.Combine("Apply", "Fixtures", fixture)));
}
