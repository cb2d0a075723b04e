using System.Text.Json.Nodes;

namespace ServerlessDeploy.Core.Rollouts;

/// <summary>
/// The ReplicaSet createDesiredReplicaSet makes: named <c>&lt;rollout&gt;-&lt;hash&gt;</c>, owned by the Rollout
/// (controller: true), the hash added to its labels, selector and pod template, 0 replicas, the Rollout's annotations
/// (but its revision and kubectl's last-applied) plus revision and desired-replicas.
/// Not reproduced: the injected anti-affinity rule and canary/stable ephemeral metadata (not read by our spec reader).
/// </summary>
internal static class ReplicaSetManifest
{
    private static readonly HashSet<string> SkippedAnnotations =
    [
        "kubectl.kubernetes.io/last-applied-configuration",
        ObservedReplicaSet.RevisionAnnotation,
        ObservedReplicaSet.RevisionHistoryAnnotation,
        ObservedReplicaSet.DesiredReplicasAnnotation,
        "notified.notifications.argoproj.io",
    ];

    public static JsonObject Build(JsonObject rollout, RolloutSpec spec, string hash, long revision)
    {
        var metadata = rollout["metadata"];
        var name = RolloutJson.Text(metadata?["name"]);
        var template = (JsonObject)spec.Template.DeepClone();
        var templateMetadata = template["metadata"] as JsonObject ?? [];
        template["metadata"] = templateMetadata;
        var labels = templateMetadata["labels"] as JsonObject ?? [];
        labels[ObservedReplicaSet.HashLabel] = hash;
        templateMetadata["labels"] = labels;

        var selector = (JsonObject)spec.Selector.DeepClone();
        var matchLabels = selector["matchLabels"] as JsonObject ?? [];
        matchLabels[ObservedReplicaSet.HashLabel] = hash;
        selector["matchLabels"] = matchLabels;

        var annotations = new JsonObject();
        foreach (var (key, value) in CopiedAnnotations(rollout).Append(new(ObservedReplicaSet.DesiredReplicasAnnotation, RolloutJson.Number(spec.Replicas)))
                     .Append(new(ObservedReplicaSet.RevisionAnnotation, RolloutJson.Number(revision)))
                     .OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            annotations[key] = value;
        }

        var rsSpec = new JsonObject { ["replicas"] = 0 };
        if (spec.MinReadySeconds != 0)
        {
            rsSpec["minReadySeconds"] = spec.MinReadySeconds;
        }

        rsSpec["selector"] = selector;
        rsSpec["template"] = template;
        var rsMetadata = new JsonObject { ["name"] = $"{name}-{hash}" };
        if (RolloutJson.Text(metadata?["namespace"]) is { Length: > 0 } ns)
        {
            rsMetadata["namespace"] = ns;
        }

        rsMetadata["labels"] = labels.DeepClone();
        rsMetadata["annotations"] = annotations;
        rsMetadata["ownerReferences"] = new JsonArray(new JsonObject
        {
            ["apiVersion"] = "argoproj.io/v1alpha1",
            ["kind"] = "Rollout",
            ["name"] = name,
            ["uid"] = RolloutJson.Text(metadata?["uid"]),
            ["controller"] = true,
            ["blockOwnerDeletion"] = true,
        });
        return new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "ReplicaSet",
            ["metadata"] = rsMetadata,
            ["spec"] = rsSpec,
        };
    }

    /// <summary>The Rollout's annotations copyRolloutAnnotationsToReplicaSet copies.</summary>
    public static IEnumerable<KeyValuePair<string, string>> CopiedAnnotations(JsonObject rollout) =>
        RolloutJson.Map(rollout["metadata"]?["annotations"]).Where(pair => !SkippedAnnotations.Contains(pair.Key));
}
