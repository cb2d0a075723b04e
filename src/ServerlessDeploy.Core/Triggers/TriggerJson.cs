using System.Text.Json;

namespace ServerlessDeploy.Core.Triggers;

/// <summary>The queue form of a trigger: camelCase JSON with a <c>type</c> discriminator.</summary>
public static class TriggerJson
{
    public static string Serialize(Trigger trigger)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        return JsonSerializer.Serialize(trigger, TriggerJsonContext.Default.Trigger);
    }

    /// <summary>Reads a trigger written by <see cref="Serialize"/>; a malformed message throws <see cref="JsonException"/>.</summary>
    public static Trigger Deserialize(string json) =>
        JsonSerializer.Deserialize(json, TriggerJsonContext.Default.Trigger)
        ?? throw new JsonException("A trigger message is JSON null.");

    /// <summary>
    /// Reads a trigger written by <see cref="Serialize"/> as an event is read: a git-pushed trigger whose commit ids name no
    /// commit is rejected, as the event it came from would have been. A malformed message throws <see cref="JsonException"/>.
    /// </summary>
    public static TriggerParseResult Read(string json)
    {
        var trigger = Deserialize(json);
        return trigger is GitPushed push ? CommitIds.Checked(push, "oldCommit", "newCommit") : TriggerParseResult.Parsed(trigger);
    }
}
