using System.Text.Json;
using System.Text.Json.Serialization;

namespace ServerlessDeploy.Pipeline.Timers;

/// <summary>
/// The wake-up queue's message body, <c>{"wakeUp": {"app", "cursorId", "stepIndex", "cursorVersion"}}</c>, read and
/// written without reflection; a Rollout's wake-up adds <c>"rollout": {"namespace", "name", "version"}</c> (its cursor
/// fields empty), and a body without it is a sync's wake-up as before.
/// </summary>
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
            { App.Length: > 0, Rollout: null, CursorId.Length: > 0, StepIndex: >= 0, CursorVersion: >= 0 } wakeUp => wakeUp,
            { App.Length: > 0, Rollout: { Namespace.Length: > 0, Name.Length: > 0, Version: >= 0 } } wakeUp => wakeUp,
            { Rollout: not null } => throw new JsonException("wake-up: a Rollout's needs 'app' and 'rollout' with 'namespace', 'name' and a 'version' ≥ 0."),
            _ => throw new JsonException("wake-up: it needs 'app', 'cursorId', a 'stepIndex' ≥ 0 and a 'cursorVersion' ≥ 0."),
        };
    }
}

internal sealed record WakeUpMessage([property: JsonPropertyName("wakeUp")] WakeUp? WakeUp);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(WakeUpMessage))]
internal sealed partial class WakeUpJsonContext : JsonSerializerContext;
