using System.Text.Json.Nodes;

namespace ServerlessDeploy.Pipeline.Notifications.Webhooks;

/// <summary>
/// A Microsoft Teams incoming-webhook (or Workflows webhook) message carrying one Adaptive Card: the title in the
/// outcome's colour, the facts as a FactSet, the message as wrapped text.
/// </summary>
internal sealed class TeamsFormatter : IChatFormatter
{
    public JsonObject Format(ChatMessage message) => new()
    {
        ["type"] = "message",
        ["attachments"] = new JsonArray(new JsonObject
        {
            ["contentType"] = "application/vnd.microsoft.card.adaptive",
            ["contentUrl"] = null,
            ["content"] = new JsonObject
            {
                ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
                ["type"] = "AdaptiveCard",
                ["version"] = "1.2",
                ["body"] = Body(message),
            },
        }),
    };

    private static JsonArray Body(ChatMessage message)
    {
        // The constructor, not a collection initializer: that would call JsonArray.Add<T>, which converts by reflection.
        var body = new JsonArray(
            Title(message),
            new JsonObject
            {
                ["type"] = "FactSet",
                ["facts"] = new JsonArray(message.Facts.Select(f => (JsonNode?)new JsonObject { ["title"] = f.Name, ["value"] = f.Value }).ToArray()),
            });
        if (!string.IsNullOrWhiteSpace(message.Text))
        {
            // As a JsonNode: a JsonObject would bind to JsonArray.Add<T>, which converts by reflection (not AOT-safe).
            body.Add((JsonNode)new JsonObject { ["type"] = "TextBlock", ["text"] = message.Text, ["wrap"] = true });
        }

        return body;
    }

    /// <summary>The title in the outcome's colour.</summary>
    private static JsonObject Title(ChatMessage message) => new()
    {
        ["type"] = "TextBlock",
        ["text"] = message.Title,
        ["weight"] = "Bolder",
        ["size"] = "Medium",
        ["color"] = message.Kind switch
        {
            NotificationKind.SyncFailed or NotificationKind.RolloutAborted => "Attention",
            NotificationKind.HealthDegraded or NotificationKind.RolloutPaused => "Warning",
            _ => "Good",
        },
        ["wrap"] = true,
    };
}
