using ServerlessDeploy.Pipeline.Notifications.Webhooks;

namespace ServerlessDeploy.Functions.Settings;

/// <summary>Reads CHAT_WEBHOOK_PARAMETERS: a comma list of <c>slack|teams|discord=&lt;ssm parameter name&gt;</c>.</summary>
internal static class ChatWebhooksVariable
{
    public static IReadOnlyList<ChatWebhookParameter> Parse(string variable, string? text, List<string> problems)
    {
        var entries = new List<ChatWebhookParameter>();
        foreach (var item in (text ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = item.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[1].Length == 0 || !TryService(parts[0], out var service))
            {
                problems.Add($"{variable} entry '{item}' is not slack|teams|discord=<ssm parameter name>");
                continue;
            }

            var entry = new ChatWebhookParameter(service, parts[1]);
            if (entries.Contains(entry))
            {
                problems.Add($"{variable} names {entry.ChannelName} twice");
                continue;
            }
            entries.Add(entry);
        }
        return entries;
    }

    private static bool TryService(string name, out ChatService service)
    {
        foreach (var candidate in Enum.GetValues<ChatService>())
        {
            if (string.Equals(candidate.ToString(), name, StringComparison.OrdinalIgnoreCase))
            {
                service = candidate;
                return true;
            }
        }
        service = default;
        return false;
    }
}
