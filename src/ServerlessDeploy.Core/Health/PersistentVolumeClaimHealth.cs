using k8s.Models;

namespace ServerlessDeploy.Core.Health;

/// <summary>core/PersistentVolumeClaim: by phase — Bound, Pending or Lost.</summary>
internal static class PersistentVolumeClaimHealth
{
    public static HealthResult Assess(V1PersistentVolumeClaim claim) => claim.Status?.Phase switch
    {
        "Bound" => HealthResult.Healthy(),
        "Pending" => HealthResult.Progressing("Waiting for the claim to be bound to a volume"),
        "Lost" => HealthResult.Degraded("The claim lost its bound volume"),
        var phase => HealthResult.Unknown($"Unknown claim phase \"{phase}\""),
    };
}
