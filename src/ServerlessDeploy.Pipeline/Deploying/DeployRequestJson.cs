using System.Text.Json;

namespace ServerlessDeploy.Pipeline.Deploying;

/// <summary>The deploy queue's message body: camelCase JSON, reasons as strings.</summary>
public static class DeployRequestJson
{
    public static string Serialize(DeployRequest request) => JsonSerializer.Serialize(request, DeployRequestJsonContext.Default.DeployRequest);

    /// <summary>A body that is not a deploy request throws <see cref="JsonException"/> naming what is wrong.</summary>
    public static DeployRequest Deserialize(string json)
    {
        var request = JsonSerializer.Deserialize(json, DeployRequestJsonContext.Default.DeployRequest) ?? throw new JsonException("A deploy request is JSON null.");
        return request switch
        {
            _ when string.IsNullOrEmpty(request.App) || string.IsNullOrEmpty(request.DeploymentId) => throw new JsonException("A deploy request needs 'app' and 'deploymentId'."),
            { Reason: DeployReason.RolloutAction, RolloutAction: not { Namespace.Length: > 0, Rollout.Length: > 0 } } =>
                throw new JsonException("A rollout-action request needs 'rolloutAction' with 'namespace', 'rollout' and 'action'."),
            _ => request,
        };
    }
}
