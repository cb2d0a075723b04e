using System.Text.Json.Nodes;

namespace ServerlessDeploy.Core.Rollouts;

/// <summary>A ReplicaSet as the reconciler reads it: identity, hash label, revision, desired and observed replicas.</summary>
internal sealed record ObservedReplicaSet(
    string Name,
    string Hash,
    long Revision,
    int SpecReplicas,
    int StatusReplicas,
    int ReadyReplicas,
    int AvailableReplicas,
    DateTimeOffset Created,
    bool Deleting,
    long Generation,
    long ObservedGeneration,
    IReadOnlyDictionary<string, string> Annotations)
{
    public const string HashLabel = "rollouts-pod-template-hash";
    public const string RevisionAnnotation = "rollout.argoproj.io/revision";
    public const string RevisionHistoryAnnotation = "rollout.argoproj.io/revision-history";
    public const string DesiredReplicasAnnotation = "rollout.argoproj.io/desired-replicas";

    public static ObservedReplicaSet Read(JsonObject rs)
    {
        var metadata = rs["metadata"];
        var annotations = RolloutJson.Map(metadata?["annotations"]);

        // An unparsable revision counts as 0, as MaxRevision skips it.
        var revision = annotations.TryGetValue(RevisionAnnotation, out var text) && long.TryParse(text, out var value) ? value : 0;
        return new ObservedReplicaSet(
            RolloutJson.Text(metadata?["name"]),
            RolloutJson.Map(metadata?["labels"]).GetValueOrDefault(HashLabel, ""),
            revision,
            RolloutJson.Int(rs["spec"]?["replicas"]) ?? 1,
            RolloutJson.Int(rs["status"]?["replicas"]) ?? 0,
            RolloutJson.Int(rs["status"]?["readyReplicas"]) ?? 0,
            RolloutJson.Int(rs["status"]?["availableReplicas"]) ?? 0,
            RolloutJson.Time(metadata?["creationTimestamp"]) ?? DateTimeOffset.MinValue,
            metadata?["deletionTimestamp"] is not null,
            RolloutJson.Long(metadata?["generation"]) ?? 0,
            RolloutJson.Long(rs["status"]?["observedGeneration"]) ?? 0,
            annotations);
    }

    /// <summary>The order of controller.ReplicaSetsByCreationTimestamp: oldest first, then by name.</summary>
    public static IEnumerable<ObservedReplicaSet> ByCreation(IEnumerable<ObservedReplicaSet> replicaSets) =>
        replicaSets.OrderBy(rs => rs.Created).ThenBy(rs => rs.Name, StringComparer.Ordinal);

    public CanaryReplicaSet ForArithmetic() => new(Name, SpecReplicas, AvailableReplicas);
}
