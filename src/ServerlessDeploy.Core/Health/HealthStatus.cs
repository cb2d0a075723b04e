namespace ServerlessDeploy.Core.Health;

/// <summary>
/// Argo CD's health codes, declared from best to worst as Argo CD orders them, so a larger value is a worse health
/// and the health of many resources is simply the largest.
/// </summary>
public enum HealthStatus
{
    /// <summary>The resource is working as intended.</summary>
    Healthy,

    /// <summary>The resource is paused or suspended on purpose (a paused Deployment, a suspended Job).</summary>
    Suspended,

    /// <summary>Not healthy yet, but still able to get there (a rollout under way, a pending claim).</summary>
    Progressing,

    /// <summary>The resource should exist but is not in the cluster.</summary>
    Missing,

    /// <summary>The resource failed or cannot reach a healthy state (crash loop, progress deadline exceeded).</summary>
    Degraded,

    /// <summary>The health could not be assessed (for example, a live object that does not convert to its type).</summary>
    Unknown,
}
