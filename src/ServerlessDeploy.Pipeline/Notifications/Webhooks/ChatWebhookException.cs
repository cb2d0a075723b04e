namespace ServerlessDeploy.Pipeline.Notifications.Webhooks;

/// <summary>A chat webhook did not take the message: the service and the HTTP status or network error, never the URL.</summary>
public sealed class ChatWebhookException(ChatService service, string problem) : Exception($"{service} webhook: {problem}")
{
    public ChatService Service { get; } = service;
}
