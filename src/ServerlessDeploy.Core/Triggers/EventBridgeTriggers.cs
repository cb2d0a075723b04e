using System.Text.Json;

namespace ServerlessDeploy.Core.Triggers;

/// <summary>
/// Reads what reaches the intake queue through EventBridge: an EventBridge envelope (<c>detail-type</c>
/// "ECR Image Action" or "CodeCommit Repository State Change"), or a ServerlessDeploy request — an object
/// with a <c>serverless-deploy</c> field: <c>reconcile</c> (the Scheduler's fixed input, with
/// <c>time</c> set to <c>&lt;aws.scheduler.scheduled-time&gt;</c>), <c>sync</c> or <c>rollback</c>.
/// </summary>
public static class EventBridgeTriggers
{
    public const string EcrImageActionType = "ECR Image Action";
    public const string CodeCommitStateChangeType = "CodeCommit Repository State Change";

    public static TriggerParseResult Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            return Read(document.RootElement);
        }
        catch (JsonException e)
        {
            return TriggerParseResult.Malformed($"The event is not valid JSON: {e.Message}");
        }
        catch (MalformedEventException e)
        {
            return TriggerParseResult.Malformed(e.Message);
        }
    }

    private static TriggerParseResult Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new MalformedEventException("The event is not a JSON object.");
        }

        if (root.TryGetProperty(ServerlessDeployRequest.Field, out _))
        {
            return ServerlessDeployRequest.Read(root);
        }

        if (!root.TryGetProperty("detail-type", out _))
        {
            throw new MalformedEventException(
                $"The event has neither 'detail-type' (an EventBridge event) nor '{ServerlessDeployRequest.Field}' (a request).");
        }

        var detailType = JsonFields.String(root, "detail-type", "");
        return detailType switch
        {
            EcrImageActionType => EcrImageAction.Read(root),
            CodeCommitStateChangeType => CodeCommitStateChange.Read(root),
            _ => throw new MalformedEventException($"Unknown detail-type '{detailType}'."),
        };
    }
}
