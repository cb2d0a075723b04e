using System.Text.Json;

namespace ServerlessDeploy.Core.Triggers;

/// <summary>The EventBridge "ECR Image Action" event: a successful PUSH with a tag is a trigger.</summary>
internal static class EcrImageAction
{
    public static TriggerParseResult Read(JsonElement root)
    {
        var detail = JsonFields.Object(root, "detail", "");
        var action = JsonFields.String(detail, "action-type", "detail.");
        var result = JsonFields.String(detail, "result", "detail.");
        var repository = JsonFields.String(detail, "repository-name", "detail.");
        if (action != "PUSH")
        {
            return TriggerParseResult.Ignored($"ECR action {action} on {repository} is not a push.");
        }

        if (result != "SUCCESS")
        {
            return TriggerParseResult.Ignored($"ECR push to {repository} ended in {result}.");
        }

        if (JsonFields.OptionalString(detail, "image-tag", "detail.") is not { Length: > 0 } tag)
        {
            return TriggerParseResult.Ignored($"ECR push to {repository} has no image tag.");
        }

        return TriggerParseResult.Parsed(new ImagePushed(
            JsonFields.String(root, "account", ""),
            JsonFields.String(root, "region", ""),
            repository,
            tag,
            JsonFields.String(detail, "image-digest", "detail."),
            JsonFields.Time(root, "time", "")));
    }
}
