using ServerlessDeploy.Core.Health;
using ServerlessDeploy.State;

namespace ServerlessDeploy.Pipeline.State;

/// <summary>
/// The engine's health as the state records it: the one mapping, used by the deployer when it records and by the dashboard
/// when it shows a live object's health beside the recorded one. A test checks every engine member maps to its namesake.
/// </summary>
public static class HealthCodes
{
    public static HealthCode ToState(this HealthStatus health) => health switch
    {
        HealthStatus.Healthy => HealthCode.Healthy,
        HealthStatus.Suspended => HealthCode.Suspended,
        HealthStatus.Progressing => HealthCode.Progressing,
        HealthStatus.Missing => HealthCode.Missing,
        HealthStatus.Degraded => HealthCode.Degraded,
        _ => HealthCode.Unknown,
    };
}
