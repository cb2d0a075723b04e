using System.Text.Json.Nodes;
using ServerlessDeploy.LocalCluster.Api;
using ServerlessDeploy.LocalCluster.Resources;

namespace ServerlessDeploy.LocalCluster.Admission;

/// <summary>
/// The fields kube-apiserver's update validation refuses to change, with its 422 Invalid wording: a Job's
/// spec.selector and spec.template ("field is immutable"), a workload's spec.selector (apps/v1), and a Service's
/// clusterIP once allocated ("may not change once set"). Writes by the simulated controllers are not checked.
/// </summary>
internal static class ImmutableFields
{
    private static readonly HashSet<string> AppsWorkloads = ["Deployment", "ReplicaSet", "DaemonSet", "StatefulSet"];

    public static void Check(ResourceType type, JsonObject current, JsonObject next)
    {
        var errors = new List<FieldError>();
        var (was, now) = (current["spec"], next["spec"]);
        if ((type.Group == "batch" && type.Kind == "Job") || (type.Group == "apps" && AppsWorkloads.Contains(type.Kind)))
        {
            Unchanged("spec.selector", was?["selector"], now?["selector"], errors);
        }

        if (type.Group == "batch" && type.Kind == "Job")
        {
            Unchanged("spec.template", was?["template"], now?["template"], errors);
        }

        if (type.Group.Length == 0 && type.Kind == "Service" && was?["clusterIP"]?.ToString() is { Length: > 0 } allocated and not "None"
            && now?["clusterIP"]?.ToString() is { Length: > 0 } wanted && wanted != allocated)
        {
            errors.Add(new FieldError("spec.clusterIPs[0]", "FieldValueInvalid", $"Invalid value: []string{{\"{wanted}\"}}: may not change once set"));
        }

        if (errors.Count > 0)
        {
            throw Errors.Invalid(type, next["metadata"]?["name"]?.ToString() ?? "", errors);
        }
    }

    private static void Unchanged(string field, JsonNode? was, JsonNode? now, List<FieldError> errors)
    {
        if (was is not null && !JsonNode.DeepEquals(was, now))
        {
            errors.Add(new FieldError(field, "FieldValueInvalid", $"Invalid value: {now?.ToJsonString() ?? "null"}: field is immutable"));
        }
    }
}
