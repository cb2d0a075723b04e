using System.Net;
using k8s;
using k8s.Models;
using ServerlessDeploy.LocalCluster.Tests.Support;

namespace ServerlessDeploy.LocalCluster.Tests.Verbs;

/// <summary>
/// The eviction subresource of pods through KubernetesClient's typed call: the pod is deleted unless a
/// PodDisruptionBudget covering it allows no disruption now, which is refused with 429 as kube-apiserver refuses it.
/// </summary>
public sealed class EvictionTests(NoControllersFixture cluster) : IClassFixture<NoControllersFixture>
{
    private const string Refused = "Cannot evict pod as it would violate the pod's disruption budget.";

    [Fact]
    public async Task Without_a_budget_the_pod_is_deleted_and_the_answer_is_a_201_Success()
    {
        var ns = await cluster.CreateNamespaceAsync();
        await CreatePodAsync(ns, "web-1", ready: true);

        using var answer = await cluster.Client.CoreV1.CreateNamespacedPodEvictionWithHttpMessagesAsync(Eviction("web-1", ns), "web-1", ns);

        Assert.Equal(HttpStatusCode.Created, answer.Response.StatusCode);
        Assert.Empty(await PodsAsync(ns));
    }

    [Fact]
    public async Task A_missing_pod_is_404_NotFound()
    {
        var ns = await cluster.CreateNamespaceAsync();

        var status = await StatusAssert.FailsAsync(() => cluster.Client.CoreV1.CreateNamespacedPodEvictionAsync(Eviction("gone", ns), "gone", ns), HttpStatusCode.NotFound, "NotFound");

        Assert.Equal("pods \"gone\" not found", status.Message);
    }

    [Fact]
    public async Task Max_unavailable_1_lets_one_ready_pod_go_and_refuses_the_next_until_a_replacement_is_ready()
    {
        var ns = await cluster.CreateNamespaceAsync();
        var owner = await CreateReplicaSetAsync(ns, replicas: 3);
        foreach (var name in new[] { "web-1", "web-2", "web-3" })
        {
            await CreatePodAsync(ns, name, ready: true, owner);
        }

        await CreateBudgetAsync(ns, new V1PodDisruptionBudgetSpec { MaxUnavailable = 1 });

        await cluster.Client.CoreV1.CreateNamespacedPodEvictionAsync(Eviction("web-1", ns), "web-1", ns);
        var refused = await StatusAssert.FailsAsync(() => cluster.Client.CoreV1.CreateNamespacedPodEvictionAsync(Eviction("web-2", ns), "web-2", ns), HttpStatusCode.TooManyRequests, "TooManyRequests");

        Assert.Equal(Refused, refused.Message);
        var cause = Assert.Single(refused.Details.Causes);
        Assert.Equal(("DisruptionBudget", "The disruption budget web needs 2 healthy pods and has 2 currently"), (cause.Reason, cause.Message));
        Assert.Equal(["web-2", "web-3"], await PodsAsync(ns));

        await CreatePodAsync(ns, "web-4", ready: true, owner);
        await cluster.Client.CoreV1.CreateNamespacedPodEvictionAsync(Eviction("web-2", ns), "web-2", ns);

        Assert.Equal(["web-3", "web-4"], await PodsAsync(ns));
    }

    [Fact]
    public async Task Min_available_counts_ready_pods_and_an_unready_pod_goes_without_spending_the_budget()
    {
        var ns = await cluster.CreateNamespaceAsync();
        await CreatePodAsync(ns, "web-1", ready: true);
        await CreatePodAsync(ns, "web-2", ready: true);
        await CreatePodAsync(ns, "web-3", ready: false);
        await CreateBudgetAsync(ns, new V1PodDisruptionBudgetSpec { MinAvailable = 2 });

        await StatusAssert.FailsAsync(() => cluster.Client.CoreV1.CreateNamespacedPodEvictionAsync(Eviction("web-1", ns), "web-1", ns), HttpStatusCode.TooManyRequests, "TooManyRequests");
        await cluster.Client.CoreV1.CreateNamespacedPodEvictionAsync(Eviction("web-3", ns), "web-3", ns);

        Assert.Equal(["web-1", "web-2"], await PodsAsync(ns));
    }

    [Fact]
    public async Task A_percentage_is_of_the_controllers_replicas_rounded_up()
    {
        var ns = await cluster.CreateNamespaceAsync();
        var owner = await CreateReplicaSetAsync(ns, replicas: 4);
        foreach (var name in new[] { "web-1", "web-2", "web-3", "web-4" })
        {
            await CreatePodAsync(ns, name, ready: true, owner);
        }

        // 60% of 4 is 2.4, rounded up to 3: one pod may go.
        await CreateBudgetAsync(ns, new V1PodDisruptionBudgetSpec { MinAvailable = "60%" });

        await cluster.Client.CoreV1.CreateNamespacedPodEvictionAsync(Eviction("web-1", ns), "web-1", ns);
        var refused = await StatusAssert.FailsAsync(() => cluster.Client.CoreV1.CreateNamespacedPodEvictionAsync(Eviction("web-2", ns), "web-2", ns), HttpStatusCode.TooManyRequests, "TooManyRequests");

        Assert.Equal("The disruption budget web needs 3 healthy pods and has 3 currently", Assert.Single(refused.Details.Causes).Message);
    }

    [Fact]
    public async Task A_dry_run_eviction_checks_the_budget_and_keeps_the_pod()
    {
        var ns = await cluster.CreateNamespaceAsync();
        await CreatePodAsync(ns, "web-1", ready: true);

        await cluster.Client.CoreV1.CreateNamespacedPodEvictionAsync(Eviction("web-1", ns), "web-1", ns, dryRun: "All");

        Assert.Equal(["web-1"], await PodsAsync(ns));
    }

    [Fact]
    public async Task An_eviction_naming_another_pod_is_400_and_deletes_nothing()
    {
        var ns = await cluster.CreateNamespaceAsync();
        await CreatePodAsync(ns, "web-1", ready: true);
        await CreatePodAsync(ns, "web-2", ready: true);

        var status = await StatusAssert.FailsAsync(() => cluster.Client.CoreV1.CreateNamespacedPodEvictionAsync(Eviction("web-2", ns), "web-1", ns), HttpStatusCode.BadRequest, "BadRequest");

        Assert.Equal("name in URL does not match name in Eviction object", status.Message);
        Assert.Equal(["web-1", "web-2"], await PodsAsync(ns));
    }

    private static V1Eviction Eviction(string name, string ns) => new() { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns } };

    private async Task<V1ReplicaSet> CreateReplicaSetAsync(string ns, int replicas) =>
        await cluster.Client.AppsV1.CreateNamespacedReplicaSetAsync(
            new V1ReplicaSet
            {
                Metadata = new V1ObjectMeta { Name = "web" },
                Spec = new V1ReplicaSetSpec
                {
                    Replicas = replicas,
                    Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "web" } },
                    Template = new V1PodTemplateSpec
                    {
                        Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = "web" } },
                        Spec = new V1PodSpec { Containers = [new V1Container { Name = "web", Image = "nginx:1.27" }] },
                    },
                },
            },
            ns);

    private async Task CreatePodAsync(string ns, string name, bool ready, V1ReplicaSet? owner = null)
    {
        var pod = await cluster.Client.CoreV1.CreateNamespacedPodAsync(
            new V1Pod
            {
                Metadata = new V1ObjectMeta
                {
                    Name = name,
                    Labels = new Dictionary<string, string> { ["app"] = "web" },
                    OwnerReferences = owner is null ? null : [new V1OwnerReference { ApiVersion = "apps/v1", Kind = "ReplicaSet", Name = owner.Name(), Uid = owner.Uid(), Controller = true }],
                },
                Spec = new V1PodSpec { Containers = [new V1Container { Name = "web", Image = "nginx:1.27" }] },
            },
            ns);
        pod.Status = new V1PodStatus { Phase = "Running", Conditions = [new V1PodCondition { Type = "Ready", Status = ready ? "True" : "False" }] };
        await cluster.Client.CoreV1.ReplaceNamespacedPodStatusAsync(pod, name, ns);
    }

    private Task<V1PodDisruptionBudget> CreateBudgetAsync(string ns, V1PodDisruptionBudgetSpec spec)
    {
        spec.Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "web" } };
        return cluster.Client.PolicyV1.CreateNamespacedPodDisruptionBudgetAsync(new V1PodDisruptionBudget { Metadata = new V1ObjectMeta { Name = "web" }, Spec = spec }, ns);
    }

    private async Task<List<string>> PodsAsync(string ns) =>
        [.. (await cluster.Client.CoreV1.ListNamespacedPodAsync(ns)).Items.Select(pod => pod.Name()).Order(StringComparer.Ordinal)];
}
