using k8s.Models;

namespace ServerlessDeploy.Core.Health;

/// <summary>core/PersistentVolumeClaim by phase: Bound is Healthy, Pending Progressing, Lost Degraded, else Unknown. No message, as gitops-engine.</summary>
internal static class PersistentVolumeClaimHealth
{
    public static HealthResult Assess(V1PersistentVolumeClaim claim) => claim.Status?.Phase switch
    {
        "Bound" => HealthResult.Healthy(),
        "Pending" => HealthResult.Progressing(""),
        "Lost" => HealthResult.Degraded(""),
        _ => HealthResult.Unknown(""),
    };
}
