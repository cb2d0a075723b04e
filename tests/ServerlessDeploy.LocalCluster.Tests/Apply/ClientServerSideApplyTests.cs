using System.Net;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;
using ServerlessDeploy.LocalCluster.Tests.Harness;
using ServerlessDeploy.Testing.Kubernetes;

namespace ServerlessDeploy.LocalCluster.Tests.Apply;

/// <summary>Server-side apply through KubernetesClient: PATCH with application/apply-patch+yaml, fieldManager and force.</summary>
public sealed class ClientServerSideApplyTests : IAsyncLifetime
{
    private const string Ns = "shop";
    private TestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _cluster = await TestCluster.StartAsync();
        await _cluster.CreateNamespaceAsync(Ns);
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Apply_creates_a_missing_object_with_201_and_then_updates_it_with_200()
    {
        var created = await ApplyDeploymentAsync(Deployment(replicas: 1), "deployer");
        var updated = await ApplyDeploymentAsync(Deployment(replicas: 3), "deployer");

        Assert.Equal(HttpStatusCode.Created, created.Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, updated.Response.StatusCode);
        Assert.Equal(3, updated.Body.Spec.Replicas);
        var entry = Assert.Single(updated.Body.Metadata.ManagedFields);
        Assert.Equal(("deployer", "Apply"), (entry.Manager, entry.Operation));
    }

    [Fact]
    public async Task A_YAML_apply_body_sent_as_is_creates_the_object()
    {
        using var response = await _cluster.SendAsync(
            HttpMethod.Patch, $"/apis/apps/v1/namespaces/{Ns}/deployments/web?fieldManager=raw", Deployment(replicas: 2), "application/apply-patch+yaml");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var stored = await ReadDeploymentAsync();
        Assert.Equal(2, stored.Spec.Replicas);
        Assert.Equal(("raw", "Apply"), (stored.Metadata.ManagedFields[0].Manager, stored.Metadata.ManagedFields[0].Operation));
    }

    [Fact]
    public async Task A_flow_style_YAML_apply_body_that_is_not_JSON_is_read_as_YAML()
    {
        // Starts like JSON but is not: the server's JSON fast path must hand it to the YAML reader.
        const string flow = "{apiVersion: v1, kind: ConfigMap, metadata: {name: flow, namespace: shop}, data: {mode: flow}}";
        using var response = await _cluster.SendAsync(
            HttpMethod.Patch, $"/api/v1/namespaces/{Ns}/configmaps/flow?fieldManager=raw", flow, "application/apply-patch+yaml");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("flow", (await _cluster.Client.CoreV1.ReadNamespacedConfigMapAsync("flow", Ns)).Data["mode"]);
    }

    [Fact]
    public async Task Applied_fields_are_recorded_for_the_field_manager_given()
    {
        var applied = await _cluster.Client.AppsV1.PatchNamespacedDeploymentAsync(
            ApplyPatch(Deployment(replicas: 2)), "web", Ns, fieldManager: "x", force: true);

        Assert.Equal(2, applied.Spec.Replicas);
        Assert.True(FieldsV1.Owns(applied.Metadata, "x", "f:spec", "f:replicas"));
        Assert.True(FieldsV1.Owns(applied.Metadata, "x", "f:spec", "f:template", "f:spec", "f:containers", """k:{"name":"web"}""", "f:image"));
    }

    [Fact]
    public async Task Apply_without_a_field_manager_is_rejected_with_400()
    {
        var error = await Assert.ThrowsAsync<HttpOperationException>(() =>
            _cluster.Client.AppsV1.PatchNamespacedDeploymentAsync(ApplyPatch(Deployment(replicas: 1)), "web", Ns));

        Assert.Equal(HttpStatusCode.BadRequest, error.Response.StatusCode);
        Assert.Contains("fieldManager", Status(error)["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty((await _cluster.Client.AppsV1.ListNamespacedDeploymentAsync(Ns)).Items);
    }

    [Fact]
    public async Task Apply_with_a_stale_resource_version_is_a_409_conflict()
    {
        var first = await ApplyDeploymentAsync(Deployment(replicas: 1), "deployer");
        var staleVersion = first.Body.Metadata.ResourceVersion;
        await ApplyDeploymentAsync(Deployment(replicas: 2), "deployer");

        var error = await Assert.ThrowsAsync<HttpOperationException>(() =>
            ApplyDeploymentAsync(Deployment(replicas: 3, resourceVersion: staleVersion), "deployer"));

        Assert.Equal(HttpStatusCode.Conflict, error.Response.StatusCode);
        Assert.Equal("Conflict", Status(error)["reason"]!.GetValue<string>());
        Assert.Equal(2, (await ReadDeploymentAsync()).Spec.Replicas);
    }

    [Fact]
    public async Task A_conflict_is_a_409_whose_causes_name_the_field_and_its_manager()
    {
        await ApplyDeploymentAsync(Deployment(replicas: 1), "first");

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => ApplyDeploymentAsync(Deployment(replicas: 4), "second", force: false));

        Assert.Equal(HttpStatusCode.Conflict, error.Response.StatusCode);
        var cause = Assert.Single(Status(error)["details"]!["causes"]!.AsArray())!;
        Assert.Equal("FieldManagerConflict", cause["reason"]!.GetValue<string>());
        Assert.Equal(".spec.replicas", cause["field"]!.GetValue<string>());
        Assert.Contains("\"first\"", cause["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_managers_applying_different_env_vars_to_the_same_container_both_keep_theirs()
    {
        await ApplyDeploymentAsync(Deployment(replicas: 1), "base");

        await ApplyDeploymentAsync(ContainerPatch("""
            env:
            - name: FROM_A
              value: a
            """), "manager-a");
        var applied = await ApplyDeploymentAsync(ContainerPatch("""
            env:
            - name: FROM_B
              value: b
            """), "manager-b");

        var web = Assert.Single(applied.Body.Spec.Template.Spec.Containers);
        Assert.Equal([("FROM_A", "a"), ("FROM_B", "b")], web.Env.Select(e => (e.Name, e.Value)));
        var containers = new[] { "f:spec", "f:template", "f:spec", "f:containers", """k:{"name":"web"}""", "f:env" };
        Assert.True(FieldsV1.Owns(applied.Body.Metadata, "manager-a", [.. containers, """k:{"name":"FROM_A"}"""]));
        Assert.True(FieldsV1.Owns(applied.Body.Metadata, "manager-b", [.. containers, """k:{"name":"FROM_B"}"""]));
        Assert.False(FieldsV1.Owns(applied.Body.Metadata, "manager-b", [.. containers, """k:{"name":"FROM_A"}"""]));
    }

    [Fact]
    public async Task Ports_merge_by_container_port_and_protocol_with_TCP_as_the_default_protocol()
    {
        await ApplyDeploymentAsync(Deployment(replicas: 1), "base");

        await ApplyDeploymentAsync(ContainerPatch("""
            ports:
            - containerPort: 53
              protocol: UDP
            """), "dns");
        var applied = await ApplyDeploymentAsync(ContainerPatch("""
            ports:
            - containerPort: 53
            - containerPort: 80
              protocol: TCP
              name: http
            """), "web-ports");

        var ports = Assert.Single(applied.Body.Spec.Template.Spec.Containers).Ports
            .Select(p => (p.ContainerPort, Protocol: p.Protocol ?? "TCP", Name: (string?)p.Name)).OrderBy(p => p.ContainerPort).ThenBy(p => p.Protocol, StringComparer.Ordinal);
        Assert.Equal([(53, "TCP", null), (53, "UDP", null), (80, "TCP", "http")], ports);
    }

    private Task<HttpOperationResponse<V1Deployment>> ApplyDeploymentAsync(string yaml, string manager, bool force = true) =>
        _cluster.Client.AppsV1.PatchNamespacedDeploymentWithHttpMessagesAsync(
            ApplyPatch(yaml), "web", Ns, fieldManager: manager, force: force);

    /// <summary>
    /// An apply patch from YAML. KubernetesClient writes a string patch as raw JSON, so the configuration goes as the
    /// typed object it reads as (as client code builds it); the server still receives application/apply-patch+yaml.
    /// </summary>
    private static V1Patch ApplyPatch(string yaml) => new(KubernetesJson.Serialize(ManifestModels.Read<V1Deployment>(yaml)), V1Patch.PatchType.ApplyPatch);

    private Task<V1Deployment> ReadDeploymentAsync() => _cluster.Client.AppsV1.ReadNamespacedDeploymentAsync("web", Ns);

    private static JsonObject Status(HttpOperationException error) => JsonNode.Parse(error.Response.Content)!.AsObject();

    private static string Deployment(int replicas, string? resourceVersion = null) => $$"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          {{(resourceVersion is null ? "" : $"resourceVersion: \"{resourceVersion}\"")}}
        spec:
          replicas: {{replicas}}
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
              - name: web
                image: nginx:1.27
        """;

    /// <summary>An apply configuration naming only the web container (its key) and the given fields of it.</summary>
    private static string ContainerPatch(string fields) => $"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          template:
            spec:
              containers:
              - name: web
        {Indent(fields, "        ")}
        """;

    private static string Indent(string text, string prefix) =>
        string.Join('\n', text.Split('\n').Select(line => prefix + line));
}
