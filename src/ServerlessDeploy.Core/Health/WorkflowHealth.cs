using System.Text.Json.Nodes;

namespace ServerlessDeploy.Core.Health;

/// <summary>
/// argoproj.io/Workflow (Argo Workflows), by status.phase with status.message: none, Pending or Running is Progressing,
/// Succeeded Healthy, Failed or Error Degraded, any other phase Unknown.
/// </summary>
internal static class WorkflowHealth
{
    public static HealthResult Assess(JsonObject live)
    {
        var message = GroupVersionKind.Text(live["status"]?["message"]);
        return GroupVersionKind.Text(live["status"]?["phase"]) switch
        {
            "" or "Pending" or "Running" => HealthResult.Progressing(message),
            "Succeeded" => HealthResult.Healthy(message),
            "Failed" or "Error" => HealthResult.Degraded(message),
            _ => HealthResult.Unknown(message),
        };
    }
}
