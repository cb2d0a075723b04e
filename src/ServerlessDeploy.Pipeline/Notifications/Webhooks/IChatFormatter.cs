using System.Text.Json.Nodes;

namespace ServerlessDeploy.Pipeline.Notifications.Webhooks;

/// <summary>Turns a <see cref="ChatMessage"/> into one chat service's incoming-webhook payload.</summary>
internal interface IChatFormatter
{
    JsonObject Format(ChatMessage message);
}
