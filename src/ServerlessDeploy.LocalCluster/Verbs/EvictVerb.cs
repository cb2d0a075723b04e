using System.Text.Json.Nodes;
using k8s.Models;
using ServerlessDeploy.LocalCluster.Api;
using ServerlessDeploy.LocalCluster.Objects;
using ServerlessDeploy.LocalCluster.Resources;

namespace ServerlessDeploy.LocalCluster.Verbs;

/// <summary>
/// POST .../pods/{name}/eviction: the pod is deleted unless a PodDisruptionBudget covering it allows no disruption
/// now (429 TooManyRequests), as kube-apiserver's eviction subresource decides. A policy/v1 or policy/v1beta1
/// Eviction is taken, and its deleteOptions (preconditions, propagation, dry run) apply to the delete.
/// </summary>
internal sealed class EvictVerb(ClusterState cluster, DeleteVerb delete)
{
    public const string Subresource = "eviction";

    /// <summary>The Eviction kind, as discovery names what the subresource takes.</summary>
    public static ResourceType Type { get; } = new("policy", "v1", "Eviction", "eviction", Namespaced: true, HasStatus: false, [], [], typeof(V1Eviction));

    // Checking a budget and deleting are one step: two evictions at once must not both spend its last disruption.
    private readonly Lock _gate = new();

    public static bool Serves(ResourceType type) => type is { Group: "", Version: "v1", Plural: "pods" };

    /// <param name="options">The Eviction's deleteOptions, with the request's dryRun.</param>
    /// <returns>The Status kube-apiserver answers a successful eviction with.</returns>
    public JsonObject Evict(ResourceType pods, ObjectTarget target, JsonObject eviction, DeleteOptions options)
    {
        if (eviction.String("kind") is { Length: > 0 } kind && kind != Type.Kind
            || eviction.String("apiVersion") is { } apiVersion && apiVersion is not ("policy/v1" or "policy/v1beta1"))
        {
            throw Errors.BadRequest($"not a Eviction object: {eviction.String("apiVersion")}, Kind={eviction.String("kind")}");
        }

        if (eviction.Name() != target.Name)
        {
            throw Errors.BadRequest("name in URL does not match name in Eviction object");
        }

        var ns = target.Namespace ?? "";
        lock (_gate)
        {
            var pod = cluster.Store.Get(pods, ns, target.Name) ?? throw Errors.NotFound(pods, target.Name);
            if (!DisruptionBudgets.Ignores(pod) && DisruptionBudgets.Refusal(cluster, pod) is { } refusal)
            {
                throw refusal;
            }

            delete.Delete(pods, ns, target.Name, options);
        }

        return new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Success",
            ["code"] = 201,
        };
    }
}
