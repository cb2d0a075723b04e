using System.Text.Json;
using System.Text.Json.Serialization;

namespace ServerlessDeploy.Core.Sync.Cursor;

/// <summary>A cursor as the state stores keep it: camelCase JSON, enums as strings, steps tagged by kind; no reflection.</summary>
public static class SyncCursorJson
{
    public static string Serialize(SyncCursor cursor) => JsonSerializer.Serialize(cursor, SyncCursorJsonContext.Default.SyncCursor);

    /// <summary>A stored text that is not a cursor throws <see cref="JsonException"/>.</summary>
    public static SyncCursor Deserialize(string json) =>
        JsonSerializer.Deserialize(json, SyncCursorJsonContext.Default.SyncCursor) ?? throw new JsonException("A sync cursor is JSON null.");
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(SyncCursor))]
internal sealed partial class SyncCursorJsonContext : JsonSerializerContext;
