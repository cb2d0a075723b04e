namespace ServerlessDeploy.Pipeline.Notifications.Webhooks;

/// <summary>The one place a chat service is matched to its payload formatter.</summary>
internal static class ChatFormatters
{
    public static IChatFormatter For(ChatService service) => service switch
    {
        ChatService.Slack => new SlackFormatter(),
        ChatService.Teams => new TeamsFormatter(),
        ChatService.Discord => new DiscordFormatter(),
        _ => throw new ArgumentOutOfRangeException(nameof(service), service, "not a supported chat service"),
    };
}
