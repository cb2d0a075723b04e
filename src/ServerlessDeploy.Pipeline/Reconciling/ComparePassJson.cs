using System.Text.Json;
using System.Text.Json.Serialization;

namespace ServerlessDeploy.Pipeline.Reconciling;

/// <summary>
/// The deploy queue's body for a compare pass, <c>{"comparePass": {"cluster", "shard", "shards", "passId", "requestedAt", "configCommit"}}</c>,
/// read and written without reflection; a body without it is a deploy request or a wake-up.
/// </summary>
public static class ComparePassJson
{
    public static string Serialize(ComparePassRequest request) => JsonSerializer.Serialize(new ComparePassMessage(request), ComparePassJsonContext.Default.ComparePassMessage);

    /// <summary>Null when the body is not a compare pass; a malformed one throws <see cref="JsonException"/> naming what is wrong.</summary>
    public static ComparePassRequest? TryDeserialize(string json)
    {
        ComparePassMessage? message;
        try
        {
            message = JsonSerializer.Deserialize(json, ComparePassJsonContext.Default.ComparePassMessage);
        }
        catch (JsonException)
        {
            return null;
        }

        return message?.ComparePass switch
        {
            null => null,
            { Cluster.Length: > 0, PassId.Length: > 0, Shards: > 0 } pass when pass.Shard >= 0 && pass.Shard < pass.Shards => pass,
            _ => throw new JsonException("compare pass: it needs 'cluster', 'passId', 'shards' ≥ 1 and a 'shard' from 0 to shards - 1."),
        };
    }
}

internal sealed record ComparePassMessage([property: JsonPropertyName("comparePass")] ComparePassRequest? ComparePass);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ComparePassMessage))]
internal sealed partial class ComparePassJsonContext : JsonSerializerContext;
