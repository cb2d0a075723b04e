using System.Text.Json;

namespace ServerlessDeploy.Core.Triggers;

/// <summary>
/// The sync choices in a sync request's body, each field left out when unset, so a request without them (every one
/// written before they existed) reads as a plain sync.
/// </summary>
internal static class SyncChoicesJson
{
    public static void Write(Utf8JsonWriter json, SyncChoices choices)
    {
        Flag(json, "prune", choices.Prune);
        Flag(json, "dryRun", choices.DryRun);
        Flag(json, "applyOnly", choices.ApplyOnly);
        Flag(json, "force", choices.Force);
        Strings(json, "resources", choices.SelectedResources);
        Strings(json, "syncOptions", choices.Options);
    }

    public static SyncChoices Read(JsonElement root) => new(
        JsonFields.OptionalBool(root, "prune", ""),
        JsonFields.OptionalBool(root, "dryRun", ""),
        JsonFields.OptionalBool(root, "applyOnly", ""),
        JsonFields.OptionalBool(root, "force", ""),
        OptionalStrings(root, "resources"),
        OptionalStrings(root, "syncOptions"));

    private static void Flag(Utf8JsonWriter json, string name, bool value)
    {
        if (value)
        {
            json.WriteBoolean(name, true);
        }
    }

    private static void Strings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static string[]? OptionalStrings(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String || v.GetString() is not { Length: > 0 }))
        {
            throw new MalformedEventException($"'{name}' is not a list of non-empty strings.");
        }

        return [.. value.EnumerateArray().Select(v => v.GetString() ?? "")];
    }
}
