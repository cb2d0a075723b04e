using System.Text.Json.Nodes;

namespace ServerlessDeploy.Core.Rollouts;

/// <summary>
/// The checks Kubernetes makes of a workload's selector and pod template, which Argo Rollouts runs on a Rollout: a
/// selector is required and not empty, the template has containers, and the selector selects the template's labels.
/// </summary>
internal static class PodTemplateCheck
{
    /// <summary>The problem, or null with copies of the selector and the template.</summary>
    public static RolloutFieldError? Read(JsonObject spec, out JsonObject selector, out JsonObject template)
    {
        (selector, template) = ([], []);
        if (spec["selector"] is not JsonObject readSelector)
        {
            return new("spec.selector", "Required value: Rollout has missing field '.spec.selector'");
        }

        if (spec["template"] is not JsonObject readTemplate || readTemplate["spec"]?["containers"] is not JsonArray { Count: > 0 })
        {
            return new("spec.template.spec.containers", "Required value");
        }

        var labels = readTemplate["metadata"]?["labels"] as JsonObject;
        switch (LabelSelectorMatch.Selects(readSelector, labels))
        {
            case null:
                return RolloutFieldError.Invalid("spec.selector", readSelector.ToJsonString(), "empty selector is invalid for deployment");
            case false:
                return RolloutFieldError.Invalid("spec.template.metadata.labels", labels?.ToJsonString() ?? "null", "`selector` does not match template `labels`");
        }

        (selector, template) = ((JsonObject)readSelector.DeepClone(), (JsonObject)readTemplate.DeepClone());
        return null;
    }
}
