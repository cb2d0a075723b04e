using System.Text.Json;
using System.Text.Json.Serialization;

namespace ServerlessDeploy.Pipeline.Reconciling;

/// <summary>
/// The deploy queue's body for a compare pass, <c>{"comparePass": {"cluster", "shard", "shards", "passId", "requestedAt", "configCommit", "after"}}</c>,
/// read and written without reflection; a body without it is a deploy request or a wake-up.
/// </summary>
public static class ComparePassJson
{
    private const string Property = "comparePass";

    public static string Serialize(ComparePassRequest request) => JsonSerializer.Serialize(new ComparePassMessage(request), ComparePassJsonContext.Default.ComparePassMessage);

    /// <summary>Null when the body is not a compare pass; a malformed one throws <see cref="JsonException"/> naming what is wrong.</summary>
    public static ComparePassRequest? TryDeserialize(string json)
    {
        ComparePassMessage? message;
        try
        {
            message = JsonSerializer.Deserialize(json, ComparePassJsonContext.Default.ComparePassMessage);
        }
        catch (JsonException e) when (e.Path is { } path && path.StartsWith($"$.{Property}", StringComparison.Ordinal))
        {
            // A pass with a field of the wrong type is a pass, refused by the field's name rather than read as a deploy request.
            var field = path.Length > $"$.{Property}.".Length ? path[$"$.{Property}.".Length..] : Property;
            throw new JsonException($"compare pass: '{field}' is malformed: {e.Message}", e);
        }
        catch (JsonException)
        {
            return null;
        }

        return message?.ComparePass switch
        {
            null => null,
            { After: "" } => throw new JsonException("compare pass: 'after', when given, names the last app the part before judged; it is empty."),
            { Cluster.Length: > 0, PassId.Length: > 0, Shards: > 0 } pass when pass.Shard >= 0 && pass.Shard < pass.Shards => pass,
            _ => throw new JsonException("compare pass: it needs 'cluster', 'passId', 'shards' ≥ 1 and a 'shard' from 0 to shards - 1."),
        };
    }
}

internal sealed record ComparePassMessage([property: JsonPropertyName("comparePass")] ComparePassRequest? ComparePass);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ComparePassMessage))]
internal sealed partial class ComparePassJsonContext : JsonSerializerContext;
