using System.Text.Json.Nodes;

namespace ServerlessDeploy.Pipeline.Notifications.Webhooks;

/// <summary>
/// Slack's incoming-webhook payload: <c>text</c> (shown in notifications and where blocks cannot be) and Block Kit
/// blocks — a header, the facts as a section's fields, the message as mrkdwn.
/// </summary>
internal sealed class SlackFormatter : IChatFormatter
{
    public JsonObject Format(ChatMessage message)
    {
        // The constructor, not a collection initializer: that would call JsonArray.Add<T>, which converts by reflection.
        var blocks = new JsonArray(
            new JsonObject { ["type"] = "header", ["text"] = PlainText(ChatMessage.Limit(message.Title, 150)) },
            new JsonObject
            {
                ["type"] = "section",
                ["fields"] = new JsonArray(message.Facts.Select(f => (JsonNode?)Mrkdwn($"*{f.Name}*\n{Escape(ChatMessage.Limit(f.Value, 1900))}")).ToArray()),
            });
        if (!string.IsNullOrWhiteSpace(message.Text))
        {
            // As a JsonNode: a JsonObject would bind to JsonArray.Add<T>, which converts by reflection (not AOT-safe).
            blocks.Add((JsonNode)new JsonObject { ["type"] = "section", ["text"] = Mrkdwn(Escape(ChatMessage.Limit(message.Text, 2900))) });
        }

        return new JsonObject
        {
            ["text"] = Escape(ChatMessage.Limit($"{message.Title} — {string.Join(", ", message.Facts.Take(3).Select(f => $"{f.Name.ToLowerInvariant()} {f.Value}"))}: {message.Text}", 3000)),
            ["blocks"] = blocks,
        };
    }

    private static JsonObject PlainText(string text) => new() { ["type"] = "plain_text", ["text"] = text, ["emoji"] = true };

    private static JsonObject Mrkdwn(string text) => new() { ["type"] = "mrkdwn", ["text"] = text };

    /// <summary>Slack reads &amp;, &lt; and &gt; as control characters in message text; they must be escaped.</summary>
    private static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
