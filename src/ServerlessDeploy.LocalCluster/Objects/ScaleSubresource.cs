using System.Text.Json.Nodes;
using k8s.Models;
using ServerlessDeploy.LocalCluster.Api;
using ServerlessDeploy.LocalCluster.Resources;
using ServerlessDeploy.LocalCluster.Selectors;

namespace ServerlessDeploy.LocalCluster.Objects;

/// <summary>
/// The autoscaling/v1 Scale kube-apiserver serves at .../{name}/scale of a Deployment, StatefulSet or ReplicaSet,
/// or of a custom resource whose CRD declares subresources.scale: a view of the parent whose only writable field is spec.replicas.
/// </summary>
internal static class ScaleSubresource
{
    private static readonly string[] ParentMetadata = ["name", "namespace", "uid", "resourceVersion", "creationTimestamp"];

    private static readonly SimpleJsonPath WorkloadReplicas = new(["spec", "replicas"]);

    /// <summary>The Scale kind itself, to check, validate and patch Scale bodies against.</summary>
    public static ResourceType Type { get; } = new("autoscaling", "v1", "Scale", "scale", Namespaced: true, HasStatus: true, [], [], typeof(V1Scale));

    public static JsonObject Of(ResourceType type, JsonObject parent)
    {
        var metadata = new JsonObject();
        foreach (var field in ParentMetadata)
        {
            if (parent.Metadata()[field] is { } value)
            {
                metadata[field] = value.DeepClone();
            }
        }

        var (specReplicas, statusReplicas, selector) = type.CustomScale is { } custom
            ? CustomFields(custom, parent)
            // kube-apiserver defaults a workload's replicas to 1, so an unset count reads as 1.
            : (ObjectFields.Long(parent["spec"]?["replicas"]) ?? 1, ObjectFields.Long(parent["status"]?["replicas"]) ?? 0, LabelSelectorText.Of(parent["spec"]?["selector"]));
        var status = new JsonObject { ["replicas"] = statusReplicas };
        if (selector.Length > 0)
        {
            status["selector"] = selector;
        }

        return new JsonObject
        {
            ["kind"] = Type.Kind,
            ["apiVersion"] = Type.GroupVersion,
            ["metadata"] = metadata,
            ["spec"] = new JsonObject { ["replicas"] = specReplicas },
            ["status"] = status,
        };
    }

    /// <summary>A custom resource's Scale fields at its CRD's paths; as in apiextensions-apiserver, missing counts read as 0.</summary>
    private static (long Spec, long Status, string Selector) CustomFields(CustomScale scale, JsonObject parent) => (
        ObjectFields.Long(scale.SpecReplicas.Read(parent)) ?? 0,
        ObjectFields.Long(scale.StatusReplicas?.Read(parent)) ?? 0,
        scale.LabelSelector?.Read(parent) is JsonValue v && v.TryGetValue<string>(out var selector) ? selector : "");

    /// <summary>The parent with the Scale's replicas, carrying the Scale's resourceVersion (if any) as the write's precondition.</summary>
    /// <exception cref="StatusException">400 for a Scale of another name or replicas that are no number; 422 for negative replicas.</exception>
    public static JsonObject Resized(ResourceType type, JsonObject parent, JsonObject scale)
    {
        if (scale.Name() != parent.Name())
        {
            throw Errors.BadRequest($"the name of the object ({scale.Name()}) does not match the name on the URL ({parent.Name()})");
        }

        var replicas = Replicas(scale);
        if (replicas < 0)
        {
            throw Errors.Invalid(Type, parent.Name(), [FieldError.InvalidValue("spec.replicas", replicas, "must be greater than or equal to 0")]);
        }

        var next = (JsonObject)parent.DeepClone();
        (type.CustomScale?.SpecReplicas ?? WorkloadReplicas).Write(next, replicas);
        next.Metadata()["resourceVersion"] = scale.ResourceVersion();
        return next;
    }

    /// <summary>Scale's spec.replicas is a plain int32 in Go: absent decodes as 0.</summary>
    private static long Replicas(JsonObject scale)
    {
        var node = scale["spec"]?["replicas"];
        return node is null ? 0 : ObjectFields.Long(node) ?? throw Errors.BadRequest($"Scale in version \"v1\" cannot be handled as a Scale: spec.replicas must be an integer, got {node.ToJsonString()}");
    }
}
