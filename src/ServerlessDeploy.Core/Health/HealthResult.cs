namespace ServerlessDeploy.Core.Health;

/// <summary>The health of one resource: a status and a human message (empty when there is nothing to add).</summary>
public sealed record HealthResult(HealthStatus Status, string Message)
{
    internal static HealthResult Healthy(string message = "") => new(HealthStatus.Healthy, message);

    internal static HealthResult Suspended(string message) => new(HealthStatus.Suspended, message);

    internal static HealthResult Progressing(string message) => new(HealthStatus.Progressing, message);

    internal static HealthResult Degraded(string message) => new(HealthStatus.Degraded, message);

    internal static HealthResult Unknown(string message) => new(HealthStatus.Unknown, message);
}
