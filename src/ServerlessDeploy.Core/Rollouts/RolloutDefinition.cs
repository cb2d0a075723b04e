using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Cluster;
using ServerlessDeploy.Core.Resources;

namespace ServerlessDeploy.Core.Rollouts;

/// <summary>
/// The project's own CustomResourceDefinition of argoproj.io/v1alpha1 Rollout, for clusters that do not serve one:
/// Argo Rollouts' names (rollouts, ro), printer columns and subresources (status, and scale over .status.HPAReplicas
/// as Argo's), but a schema that keeps every field, so Argo's own definition can replace it without losing anything.
/// </summary>
public static class RolloutDefinition
{
    public const string Name = "rollouts.argoproj.io";

    /// <summary>The type the definition serves, as discovery will describe it once the definition is created.</summary>
    public static ClusterResourceType Type { get; } = new("argoproj.io", "v1alpha1", "Rollout", "rollouts", Namespaced: true);

    /// <summary>A manifest of the kind and version the definition serves.</summary>
    public static bool Serves(Manifest manifest) => manifest.ApiVersion == Type.ApiVersion && manifest.Kind == Type.Kind;

    /// <summary>A CustomResourceDefinition that takes the definition's name, whatever its content.</summary>
    public static bool IsNamedLikeIt(Manifest manifest) =>
        manifest.Group == "apiextensions.k8s.io" && manifest.Kind == "CustomResourceDefinition" && manifest.Name == Name;

    public static JsonObject Create() => new()
    {
        ["apiVersion"] = "apiextensions.k8s.io/v1",
        ["kind"] = "CustomResourceDefinition",
        ["metadata"] = new JsonObject { ["name"] = Name },
        ["spec"] = new JsonObject
        {
            ["group"] = Type.Group,
            ["names"] = new JsonObject
            {
                ["kind"] = Type.Kind,
                ["listKind"] = "RolloutList",
                ["plural"] = Type.Plural,
                ["singular"] = "rollout",
                ["shortNames"] = new JsonArray("ro"),
            },
            ["scope"] = "Namespaced",
            ["versions"] = new JsonArray(Version()),
        },
    };

    private static JsonObject Version() => new()
    {
        ["name"] = Type.Version,
        ["served"] = true,
        ["storage"] = true,
        ["additionalPrinterColumns"] = new JsonArray(
            Column("Desired", ".spec.replicas", "integer", "Number of desired pods"),
            Column("Current", ".status.replicas", "integer", "Total number of non-terminated pods targeted by this rollout"),
            Column("Up-to-date", ".status.updatedReplicas", "integer", "Total number of non-terminated pods targeted by this rollout that have the desired template spec"),
            Column("Available", ".status.availableReplicas", "integer", "Total number of available pods (ready for at least minReadySeconds) targeted by this rollout"),
            Column("Age", ".metadata.creationTimestamp", "date", "Time since resource was created")),
        ["schema"] = new JsonObject
        {
            ["openAPIV3Schema"] = new JsonObject { ["type"] = "object", ["x-kubernetes-preserve-unknown-fields"] = true },
        },
        ["subresources"] = new JsonObject
        {
            ["status"] = new JsonObject(),
            ["scale"] = new JsonObject
            {
                ["specReplicasPath"] = ".spec.replicas",
                ["statusReplicasPath"] = ".status.HPAReplicas",
                ["labelSelectorPath"] = ".status.selector",
            },
        },
    };

    private static JsonObject Column(string name, string path, string type, string description) =>
        new() { ["name"] = name, ["jsonPath"] = path, ["type"] = type, ["description"] = description };
}
