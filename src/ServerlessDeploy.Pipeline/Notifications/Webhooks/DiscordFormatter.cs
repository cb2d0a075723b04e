using System.Globalization;
using System.Text.Json.Nodes;

namespace ServerlessDeploy.Pipeline.Notifications.Webhooks;

/// <summary>
/// Discord's execute-webhook payload: the title as <c>content</c> and one embed (title, message as description,
/// the outcome's colour, facts as inline fields). Mentions are disabled so a message can never ping @everyone.
/// </summary>
internal sealed class DiscordFormatter : IChatFormatter
{
    public JsonObject Format(ChatMessage message)
    {
        var embed = new JsonObject
        {
            ["title"] = ChatMessage.Limit(message.Title, 256),
            ["color"] = message.Color,
            ["fields"] = new JsonArray(message.Facts.Select(f => (JsonNode?)new JsonObject
            {
                ["name"] = f.Name,
                ["value"] = ChatMessage.Limit(f.Value, 1024),
                ["inline"] = f.Name != "Images",
            }).ToArray()),
        };
        if (!string.IsNullOrWhiteSpace(message.Text))
        {
            embed["description"] = ChatMessage.Limit(message.Text, 4096);
        }

        return new JsonObject
        {
            ["content"] = ChatMessage.Limit(message.Title, 2000),
            ["embeds"] = new JsonArray(embed),
            ["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray() },
        };
    }
}
