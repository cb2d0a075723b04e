using System.Text.Json.Serialization;

namespace ServerlessDeploy.Functions.Webhook;

/// <summary>The short JSON body the webhook answers with: <c>{"message":"…"}</c>.</summary>
internal sealed record WebhookReply([property: JsonPropertyName("message")] string Message);
