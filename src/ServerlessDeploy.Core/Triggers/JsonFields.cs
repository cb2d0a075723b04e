using System.Globalization;
using System.Text.Json;

namespace ServerlessDeploy.Core.Triggers;

/// <summary>Field reads that name the missing or mistyped field by its path.</summary>
internal static class JsonFields
{
    public static JsonElement Object(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Object)
        {
            throw new MalformedEventException($"'{path}{name}' is missing or not an object.");
        }

        return value;
    }

    public static string String(JsonElement parent, string name, string path) =>
        OptionalString(parent, name, path) is { Length: > 0 } text
            ? text
            : throw new MalformedEventException($"'{path}{name}' is missing or empty.");

    public static string? OptionalString(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new MalformedEventException($"'{path}{name}' is not a string.");
    }

    public static DateTimeOffset Time(JsonElement parent, string name, string path)
    {
        var text = String(parent, name, path);
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : throw new MalformedEventException($"'{path}{name}' is not a timestamp: '{text}'.");
    }

    public static bool OptionalBool(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return false;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new MalformedEventException($"'{path}{name}' is not true or false."),
        };
    }

    public static long? OptionalLong(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)
            ? number
            : throw new MalformedEventException($"'{path}{name}' is not a whole number.");
    }
}
