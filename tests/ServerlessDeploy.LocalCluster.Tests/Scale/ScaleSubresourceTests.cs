using System.Net;
using k8s;
using k8s.Models;
using ServerlessDeploy.LocalCluster.Tests.Support;
using ServerlessDeploy.Testing.Kubernetes;

namespace ServerlessDeploy.LocalCluster.Tests.Scale;

/// <summary>
/// The scale subresource through KubernetesClient's typed Scale calls: an autoscaling/v1 Scale of the parent, and
/// writes that change the parent's spec.replicas alone, as a spec change, under the same rules as any other write.
/// </summary>
public sealed class ScaleSubresourceTests(NoControllersFixture cluster) : IClassFixture<NoControllersFixture>
{
    private const string Scaler = "scaler";

    public static TheoryData<string, V1Patch.PatchType> ReplicaPatches => new()
    {
        { """{"spec":{"replicas":4}}""", V1Patch.PatchType.MergePatch },
        { """{"spec":{"replicas":4}}""", V1Patch.PatchType.StrategicMergePatch },
        { """[{"op":"replace","path":"/spec/replicas","value":4}]""", V1Patch.PatchType.JsonPatch },
    };

    [Fact]
    public async Task Read_gives_the_deployments_identity_replicas_and_selector()
    {
        var (ns, web) = await CreateAsync();
        web.Status = new V1DeploymentStatus { Replicas = 2 };
        web = await cluster.Client.AppsV1.ReplaceNamespacedDeploymentStatusAsync(web, web.Name(), ns);

        var scale = await cluster.Client.AppsV1.ReadNamespacedDeploymentScaleAsync(web.Name(), ns);

        Assert.Equal(("autoscaling/v1", "Scale"), (scale.ApiVersion, scale.Kind));
        Assert.Equal((web.Name(), ns, web.Uid(), web.ResourceVersion()), (scale.Name(), scale.Namespace(), scale.Uid(), scale.ResourceVersion()));
        Assert.Equal(web.Metadata.CreationTimestamp, scale.Metadata.CreationTimestamp);
        Assert.Equal((2, 2, "app=web"), (scale.Spec.Replicas, scale.Status.Replicas, scale.Status.Selector));
    }

    [Fact]
    public async Task Read_writes_match_expressions_into_a_selector_sorted_by_key_and_counts_no_status_as_0()
    {
        var (ns, web) = await CreateAsync(d =>
        {
            d.Spec.Replicas = null;
            d.Spec.Selector.MatchExpressions = 
            [
                new V1LabelSelectorRequirement { Key = "tier", OperatorProperty = "In", Values = ["web", "edge"] },
                new V1LabelSelectorRequirement { Key = "canary", OperatorProperty = "DoesNotExist" },
            ];
        });

        var scale = await cluster.Client.AppsV1.ReadNamespacedDeploymentScaleAsync(web.Name(), ns);

        Assert.Equal((1, 0, "app=web,!canary,tier in (edge,web)"), (scale.Spec.Replicas, scale.Status.Replicas, scale.Status.Selector));
    }

    [Fact]
    public async Task Replace_changes_spec_replicas_alone_as_a_new_generation_owned_by_the_scale_writer()
    {
        var (ns, web) = await CreateAsync();
        var scale = await cluster.Client.AppsV1.ReadNamespacedDeploymentScaleAsync(web.Name(), ns);
        scale.Spec.Replicas = 5;

        var replaced = await cluster.Client.AppsV1.ReplaceNamespacedDeploymentScaleAsync(scale, web.Name(), ns, fieldManager: Scaler);

        var stored = await cluster.Client.AppsV1.ReadNamespacedDeploymentAsync(web.Name(), ns);
        Assert.Equal((5, stored.ResourceVersion()), (replaced.Spec.Replicas, replaced.ResourceVersion()));
        Assert.Equal((5, 2L), (stored.Spec.Replicas, stored.Generation()));
        Assert.Equal(KubernetesJson.Serialize(web.Spec.Template), KubernetesJson.Serialize(stored.Spec.Template));
        var entry = Assert.Single(stored.Metadata.ManagedFields, e => e.Manager == Scaler);
        Assert.Equal(("Update", "apps/v1", "scale"), (entry.Operation, entry.ApiVersion, entry.Subresource));
        Assert.Equal("""{"f:spec":{"f:replicas":{}}}""", KubernetesJson.Serialize(entry.FieldsV1, TestTypesJson.Options));
        Assert.False(Harness.FieldsV1.Owns(stored.Metadata, "creator", "f:spec", "f:replicas"), "the creator lost spec.replicas to the scale writer");
    }

    [Fact]
    public async Task An_apply_of_other_replicas_conflicts_with_the_scale_writer_until_forced()
    {
        var ns = await cluster.CreateNamespaceAsync();
        var manifest = new V1Patch(KubernetesJson.Serialize(ManifestModels.Read<V1Deployment>(Manifests.Read("Kinds/deployment.yaml", "web"))), V1Patch.PatchType.ApplyPatch);
        await cluster.Client.AppsV1.PatchNamespacedDeploymentAsync(manifest, "web", ns, fieldManager: "applier");
        await cluster.Client.AppsV1.PatchNamespacedDeploymentScaleAsync(new V1Patch("""{"spec":{"replicas":5}}""", V1Patch.PatchType.MergePatch), "web", ns, fieldManager: Scaler);

        var conflict = await StatusAssert.FailsAsync(() => cluster.Client.AppsV1.PatchNamespacedDeploymentAsync(manifest, "web", ns, fieldManager: "applier"), HttpStatusCode.Conflict, "Conflict");
        var forced = await cluster.Client.AppsV1.PatchNamespacedDeploymentAsync(manifest, "web", ns, fieldManager: "applier", force: true);

        Assert.Equal("Apply failed with 1 conflict: conflict with \"scaler\" with subresource \"scale\" using apps/v1: .spec.replicas", conflict.Message);
        Assert.Equal(2, forced.Spec.Replicas);
        Assert.DoesNotContain(Scaler, Harness.FieldsV1.Managers(forced.Metadata));
    }

    [Theory]
    [MemberData(nameof(ReplicaPatches))]
    public async Task Patch_changes_spec_replicas_as_a_new_generation(string patch, V1Patch.PatchType patchType)
    {
        var (ns, web) = await CreateAsync();

        var patched = await cluster.Client.AppsV1.PatchNamespacedDeploymentScaleAsync(new V1Patch(patch, patchType), web.Name(), ns);

        var stored = await cluster.Client.AppsV1.ReadNamespacedDeploymentAsync(web.Name(), ns);
        Assert.Equal((4, "app=web"), (patched.Spec.Replicas, patched.Status.Selector));
        Assert.Equal((4, 2L), (stored.Spec.Replicas, stored.Generation()));
    }

    [Fact]
    public async Task Replace_with_a_stale_resourceVersion_is_a_Conflict_and_changes_nothing()
    {
        var (ns, web) = await CreateAsync();
        var stale = await cluster.Client.AppsV1.ReadNamespacedDeploymentScaleAsync(web.Name(), ns);
        var label = new V1Patch("""{"metadata":{"labels":{"team":"blue"}}}""", V1Patch.PatchType.MergePatch);
        var relabelled = await cluster.Client.AppsV1.PatchNamespacedDeploymentAsync(label, web.Name(), ns);
        stale.Spec.Replicas = 5;

        await StatusAssert.FailsAsync(() => cluster.Client.AppsV1.ReplaceNamespacedDeploymentScaleAsync(stale, web.Name(), ns), HttpStatusCode.Conflict, "Conflict");

        var stored = await cluster.Client.AppsV1.ReadNamespacedDeploymentAsync(web.Name(), ns);
        Assert.Equal((2, relabelled.ResourceVersion()), (stored.Spec.Replicas, stored.ResourceVersion()));
    }

    [Fact]
    public async Task Dry_run_answers_the_new_scale_and_changes_nothing()
    {
        var (ns, web) = await CreateAsync();
        var patch = new V1Patch("""{"spec":{"replicas":7}}""", V1Patch.PatchType.MergePatch);

        var answered = await cluster.Client.AppsV1.PatchNamespacedDeploymentScaleAsync(patch, web.Name(), ns, dryRun: "All");

        var stored = await cluster.Client.AppsV1.ReadNamespacedDeploymentAsync(web.Name(), ns);
        Assert.Equal(7, answered.Spec.Replicas);
        Assert.Equal((2, 1L, web.ResourceVersion()), (stored.Spec.Replicas, stored.Generation(), stored.ResourceVersion()));
    }

    [Fact]
    public async Task Negative_replicas_are_Invalid_naming_spec_replicas()
    {
        var (ns, web) = await CreateAsync();
        var scale = await cluster.Client.AppsV1.ReadNamespacedDeploymentScaleAsync(web.Name(), ns);
        scale.Spec.Replicas = -1;

        var status = await StatusAssert.FailsAsync(() => cluster.Client.AppsV1.ReplaceNamespacedDeploymentScaleAsync(scale, web.Name(), ns), HttpStatusCode.UnprocessableEntity, "Invalid");

        var cause = Assert.Single(status.Details.Causes);
        Assert.Equal(("spec.replicas", "FieldValueInvalid"), (cause.Field, cause.Reason));
        Assert.Equal("Scale \"web\" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0", status.Message);
        Assert.Equal(2, (await cluster.Client.AppsV1.ReadNamespacedDeploymentAsync(web.Name(), ns)).Spec.Replicas);
    }

    [Fact]
    public async Task StatefulSets_and_ReplicaSets_scale_too()
    {
        var ns = await cluster.CreateNamespaceAsync();
        var db = ManifestModels.Read<V1StatefulSet>(Manifests.Read("Kinds/statefulset.yaml", "db"));
        var worker = ManifestModels.Read<V1ReplicaSet>(Manifests.Read("Kinds/replicaset.yaml", "worker"));
        await cluster.Client.AppsV1.CreateNamespacedStatefulSetAsync(db, ns);
        await cluster.Client.AppsV1.CreateNamespacedReplicaSetAsync(worker, ns);
        var three = new V1Patch("""{"spec":{"replicas":3}}""", V1Patch.PatchType.MergePatch);

        var dbScale = await cluster.Client.AppsV1.PatchNamespacedStatefulSetScaleAsync(three, "db", ns);
        var workerScale = await cluster.Client.AppsV1.PatchNamespacedReplicaSetScaleAsync(three, "worker", ns);

        Assert.Equal((3, "app=db"), (dbScale.Spec.Replicas, dbScale.Status.Selector));
        Assert.Equal((3, "app=worker"), (workerScale.Spec.Replicas, workerScale.Status.Selector));
        Assert.Equal(3, (await cluster.Client.AppsV1.ReadNamespacedStatefulSetAsync("db", ns)).Spec.Replicas);
        Assert.Equal(3, (await cluster.Client.AppsV1.ReadNamespacedReplicaSetAsync("worker", ns)).Spec.Replicas);
    }

    [Theory]
    [InlineData("/api/v1/namespaces/{0}/configmaps/web/scale")]
    [InlineData("/apis/apps/v1/namespaces/{0}/daemonsets/web/scale")]
    public async Task A_kind_without_a_scale_subresource_is_NotFound(string pathFormat)
    {
        var ns = await cluster.CreateNamespaceAsync();
        await cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new() { Name = "web" } }, ns);

        using var response = await cluster.Http.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, pathFormat, ns));

        await StatusAssert.IsFailureAsync(response, HttpStatusCode.NotFound, "NotFound");
    }

    [Fact]
    public async Task Apply_to_scale_is_a_BadRequest_that_says_so()
    {
        var (ns, web) = await CreateAsync();
        var apply = new V1Patch("""{"apiVersion":"autoscaling/v1","kind":"Scale","metadata":{"name":"web"},"spec":{"replicas":3}}""", V1Patch.PatchType.ApplyPatch);

        var status = await StatusAssert.FailsAsync(() => cluster.Client.AppsV1.PatchNamespacedDeploymentScaleAsync(apply, web.Name(), ns, fieldManager: Scaler), HttpStatusCode.BadRequest, "BadRequest");

        Assert.Equal("apply to the scale subresource is not supported by this server", status.Message);
    }

    /// <summary>Creates Deployment "web" (2 replicas, selector app=web) in a namespace of the test's own, as manager "creator".</summary>
    private async Task<(string Namespace, V1Deployment Web)> CreateAsync(Action<V1Deployment>? change = null)
    {
        var ns = await cluster.CreateNamespaceAsync();
        var web = ManifestModels.Read<V1Deployment>(Manifests.Read("Kinds/deployment.yaml", "web"));
        change?.Invoke(web);
        return (ns, await cluster.Client.AppsV1.CreateNamespacedDeploymentAsync(web, ns, fieldManager: "creator"));
    }
}
