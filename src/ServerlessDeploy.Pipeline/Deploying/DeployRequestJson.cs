using System.Text.Json;
using System.Text.Json.Serialization;

namespace ServerlessDeploy.Pipeline.Deploying;

/// <summary>The deploy queue's message body: camelCase JSON, reasons as strings.</summary>
public static class DeployRequestJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        AllowOutOfOrderMetadataProperties = true,
    };

    public static string Serialize(DeployRequest request) => JsonSerializer.Serialize(request, Options);

    /// <summary>A body that is not a deploy request throws <see cref="JsonException"/> naming what is wrong.</summary>
    public static DeployRequest Deserialize(string json)
    {
        var request = JsonSerializer.Deserialize<DeployRequest>(json, Options) ?? throw new JsonException("A deploy request is JSON null.");
        return string.IsNullOrEmpty(request.App) || string.IsNullOrEmpty(request.DeploymentId)
            ? throw new JsonException("A deploy request needs 'app' and 'deploymentId'.")
            : request;
    }
}
