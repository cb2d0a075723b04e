using System.Text.Json.Nodes;

namespace ServerlessDeploy.Core.Health;

/// <summary>core/PersistentVolumeClaim by phase: Bound is Healthy, Pending Progressing, Lost Degraded, else Unknown. No message, as gitops-engine.</summary>
internal static class PersistentVolumeClaimHealth
{
    public static HealthResult Assess(JsonObject claim) => LiveFields.String(claim["status"]?["phase"]) switch
    {
        "Bound" => HealthResult.Healthy(),
        "Pending" => HealthResult.Progressing(""),
        "Lost" => HealthResult.Degraded(""),
        _ => HealthResult.Unknown(""),
    };
}
