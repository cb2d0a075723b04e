using System.Text.Json.Nodes;
using ServerlessDeploy.LocalCluster.Api;
using ServerlessDeploy.LocalCluster.Objects;
using ServerlessDeploy.LocalCluster.Selectors;

namespace ServerlessDeploy.LocalCluster.Verbs;

/// <summary>
/// Whether a PodDisruptionBudget lets a pod be evicted, as the eviction subresource (registry/core/pod/storage/eviction.go)
/// decides it from the status the disruption controller keeps. There is no disruption controller here, so that status
/// is worked out at the moment of the eviction, as the controller would have it: healthy are the budget's pods that are
/// Ready and not being deleted; expected are the replicas of their controllers (the Deployment over a ReplicaSet).
/// </summary>
internal static class DisruptionBudgets
{
    public const string RefusedMessage = "Cannot evict pod as it would violate the pod's disruption budget.";

    /// <returns>Null when the pod may go; otherwise the error kube-apiserver answers with.</returns>
    public static StatusException? Refusal(ClusterState cluster, JsonObject pod)
    {
        var budgets = Covering(cluster, pod);
        if (budgets.Count > 1)
        {
            return new StatusException(500, "", "This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.");
        }

        if (budgets is not [var budget])
        {
            return null;
        }

        var pods = Selected(cluster, budget, pod.Namespace());
        var healthy = pods.Count(p => !p.IsDeleting() && IsReady(p));
        if (Desired(cluster, budget, pods) is not var (expected, desired))
        {
            return Refused(budget, "cannot be worked out: a pod's controller is missing or a percentage is unreadable");
        }

        // A pod that is not Ready takes nothing from the budget while the rest are healthy enough.
        if (!IsReady(pod) && healthy >= desired && desired > 0)
        {
            return null;
        }

        return expected > 0 && healthy - desired > 0
            ? null
            : Refused(budget, $"needs {desired} healthy pods and has {healthy} currently");
    }

    /// <summary>canIgnorePDB: a pod that ended, has not started, or is already going is deleted without asking a budget.</summary>
    public static bool Ignores(JsonObject pod) =>
        pod.IsDeleting() || (pod["status"] as JsonObject)?.String("phase") is "Succeeded" or "Failed" or "Pending";

    private static StatusException Refused(JsonObject budget, string why) =>
        new(429, "TooManyRequests", RefusedMessage, new JsonObject
        {
            ["causes"] = new JsonArray(new JsonObject { ["reason"] = "DisruptionBudget", ["message"] = $"The disruption budget {budget.Name()} {why}" }),
        });

    /// <summary>The budgets of the pod's namespace whose selector matches it; an empty or unreadable selector matches nothing.</summary>
    private static List<JsonObject> Covering(ClusterState cluster, JsonObject pod)
    {
        var type = cluster.Registry.BuiltIn("policy", "v1", "poddisruptionbudgets");
        var labels = pod.Labels();
        return [.. cluster.Store.List(type, pod.Namespace(), _ => true, null, 0).Items.Where(budget => Selector(budget) is { } selector && selector.Matches(labels))];
    }

    private static List<JsonObject> Selected(ClusterState cluster, JsonObject budget, string ns)
    {
        var pods = cluster.Registry.BuiltIn("", "v1", "pods");
        var selector = Selector(budget) ?? LabelSelector.Everything;
        return [.. cluster.Store.List(pods, ns, p => selector.Matches(p.Labels()), null, 0).Items];
    }

    private static LabelSelector? Selector(JsonObject budget)
    {
        try
        {
            var text = LabelSelectorText.Of(budget["spec"]?["selector"]);
            return text.Length == 0 ? null : LabelSelector.Parse(text);
        }
        catch (Exception e) when (e is FormatException or StatusException)
        {
            return null;
        }
    }

    /// <summary>getExpectedPodCount: (expected pods, desired healthy); null when a controller's scale cannot be found.</summary>
    private static (long Expected, long Desired)? Desired(ClusterState cluster, JsonObject budget, List<JsonObject> pods)
    {
        var spec = budget["spec"];
        if (spec?["maxUnavailable"] is { } maxUnavailable)
        {
            return ExpectedScale(cluster, pods) is { } expected && Scaled(maxUnavailable, expected) is { } unavailable ? (expected, Math.Max(expected - unavailable, 0)) : null;
        }

        if (spec?["minAvailable"] is { } minAvailable)
        {
            if (ObjectFields.Long(minAvailable) is { } count)
            {
                return (pods.Count, count);
            }

            return ExpectedScale(cluster, pods) is { } expected && Scaled(minAvailable, expected) is { } desired ? (expected, desired) : null;
        }

        // Neither set: the API server defaults minAvailable to 1.
        return (pods.Count, 1);
    }

    /// <summary>An int, or a percentage of <paramref name="total"/> rounded up (GetScaledValueFromIntOrPercent); null when neither.</summary>
    private static long? Scaled(JsonNode value, long total) =>
        ObjectFields.Long(value) is { } count ? count
        : value.ToString() is [.. var digits, '%'] && long.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var percent)
            ? (long)Math.Ceiling(total * percent / 100.0)
            : null;

    /// <summary>The replicas of the pods' controllers, each counted once; pods with no controller are left out.</summary>
    private static long? ExpectedScale(ClusterState cluster, List<JsonObject> pods)
    {
        var scales = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var pod in pods)
        {
            if (Controller(pod) is not { } reference)
            {
                continue;
            }

            if (ScaleOwner(cluster, pod.Namespace(), reference) is not { } owner)
            {
                return null;
            }

            scales[owner.Uid()] = ObjectFields.Long(owner["spec"]?["replicas"]) ?? 1;
        }

        return scales.Values.Sum();
    }

    /// <summary>The pod's controller, or the Deployment above it when the controller is a ReplicaSet a Deployment controls.</summary>
    private static JsonObject? ScaleOwner(ClusterState cluster, string ns, JsonObject reference)
    {
        var owner = Owner(cluster, ns, reference);
        return owner is not null && reference.String("kind") == "ReplicaSet" && Controller(owner) is { } above && above.String("kind") == "Deployment"
            ? Owner(cluster, ns, above)
            : owner;
    }

    private static JsonObject? Owner(ClusterState cluster, string ns, JsonObject reference)
    {
        var apiVersion = reference.String("apiVersion") ?? "";
        var (group, version) = apiVersion.Contains('/', StringComparison.Ordinal) ? (apiVersion[..apiVersion.IndexOf('/', StringComparison.Ordinal)], apiVersion[(apiVersion.IndexOf('/', StringComparison.Ordinal) + 1)..]) : ("", apiVersion);
        return cluster.Registry.FindKind(group, version, reference.String("kind") ?? "") is { } type
            && cluster.Store.Get(type, type.Namespaced ? ns : "", reference.String("name") ?? "") is { } owner
            && owner.Uid() == reference.String("uid")
            ? owner
            : null;
    }

    private static JsonObject? Controller(JsonObject obj) =>
        (obj.Metadata()["ownerReferences"] as JsonArray ?? []).OfType<JsonObject>().FirstOrDefault(o => o["controller"] is JsonValue flag && flag.TryGetValue<bool>(out var controls) && controls);

    private static bool IsReady(JsonObject pod) =>
        (pod["status"]?["conditions"] as JsonArray ?? []).OfType<JsonObject>().Any(c => c.String("type") == "Ready" && c.String("status") == "True");
}
