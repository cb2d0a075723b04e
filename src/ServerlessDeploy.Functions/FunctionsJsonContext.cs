using System.Text.Json.Serialization;
using ServerlessDeploy.Functions.Webhook;

namespace ServerlessDeploy.Functions;

/// <summary>Source-generated JSON for the functions' own bodies (the binary is trimmed and AOT-published).</summary>
[JsonSerializable(typeof(WebhookReply))]
internal sealed partial class FunctionsJsonContext : JsonSerializerContext;
