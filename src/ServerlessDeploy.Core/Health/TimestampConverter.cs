using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ServerlessDeploy.Core.Health;

/// <summary>
/// Timestamps as the API server writes them (RFC 3339, with or without fractions), read as UTC. A value that is not
/// one is named in the error, as KubernetesClient's own converter and Go's time parser name it.
/// </summary>
internal sealed class TimestampConverter : JsonConverter<DateTime>
{
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var value)
            ? value
            : throw new JsonException($"parsing time \"{text}\": not an RFC 3339 timestamp");
    }

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFF'Z'", CultureInfo.InvariantCulture));
}
