using System.Text.Json;
using ServerlessDeploy.Core.Triggers;
using ServerlessDeploy.Pipeline.Routing;

namespace ServerlessDeploy.Pipeline.Handling;

/// <summary>
/// The router function's per-message work: the body is a normalised trigger (from the webhook function) or what
/// EventBridge, the Scheduler or the CLI put on the intake queue. An event that is ignored or concerns no app is
/// handled (logged and dropped); one that is rejected (a commit id naming no commit, so it cannot concern any app) is
/// handled with its reason as a warning, never retried; a malformed one fails, so it ends in the dead-letter queue with
/// its reason.
/// </summary>
public sealed class RouterHandler(Router router)
{
    /// <param name="deadline">When the host must answer (the Lambda deadline), as the deployer's handler takes it; routing
    /// sends one request per app and stays well inside any deadline, so it does not use it.</param>
    public async Task<MessageResult> HandleAsync(ReceivedMessage message, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var parsed = Parse(message.Body);
        if (parsed.IsParsed)
        {
            var result = await router.RouteAsync(parsed.Trigger, message.MessageId, cancellationToken, message.SentAt);
            return MessageResult.Handled(result.Summary);
        }

        return parsed.Status switch
        {
            TriggerParseStatus.Ignored => MessageResult.Handled($"ignored: {parsed.Reason}"),
            TriggerParseStatus.Rejected => MessageResult.HandledWithWarning($"rejected, not retried: {parsed.Reason}"),
            _ => MessageResult.Failed($"malformed event: {parsed.Reason}"),
        };
    }

    /// <summary>A root <c>type</c> field marks the queue form of a trigger (<see cref="TriggerJson"/>); anything else is read as an EventBridge event or request.</summary>
    private static TriggerParseResult Parse(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("type", out _))
            {
                return EventBridgeTriggers.Parse(body);
            }

            return TriggerJson.Read(body);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            return TriggerParseResult.Malformed($"not a trigger: {e.Message}");
        }
    }
}
