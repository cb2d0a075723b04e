using System.Text.Json;
using System.Text.Json.Serialization;

namespace ServerlessDeploy.Pipeline.Timers;

/// <summary>The wake-up queue's message body, <c>{"wakeUp": {"app", "cursorId", "stepIndex", "cursorVersion"}}</c>, read and written without reflection.</summary>
public static class WakeUpJson
{
    public static string Serialize(WakeUp wakeUp) => JsonSerializer.Serialize(new WakeUpMessage(wakeUp), WakeUpJsonContext.Default.WakeUpMessage);

    /// <summary>Null when the body is not a wake-up (so a handler can tell it from a deploy request); a malformed wake-up throws <see cref="JsonException"/>.</summary>
    public static WakeUp? TryDeserialize(string json)
    {
        WakeUpMessage? message;
        try
        {
            message = JsonSerializer.Deserialize(json, WakeUpJsonContext.Default.WakeUpMessage);
        }
        catch (JsonException)
        {
            return null;
        }

        return message?.WakeUp switch
        {
            null => null,
            { App.Length: > 0, CursorId.Length: > 0, StepIndex: >= 0, CursorVersion: >= 0 } wakeUp => wakeUp,
            _ => throw new JsonException("wake-up: it needs 'app', 'cursorId', a 'stepIndex' ≥ 0 and a 'cursorVersion' ≥ 0."),
        };
    }
}

internal sealed record WakeUpMessage([property: JsonPropertyName("wakeUp")] WakeUp? WakeUp);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(WakeUpMessage))]
internal sealed partial class WakeUpJsonContext : JsonSerializerContext;
