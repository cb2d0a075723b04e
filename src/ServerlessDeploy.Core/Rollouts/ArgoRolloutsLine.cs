namespace ServerlessDeploy.Core.Rollouts;

/// <summary>
/// The Argo Rollouts release line whose pod-template hash we reproduce. The hash is the FNV of Go's JSON for the
/// template, and that JSON depends on the Kubernetes Go types the controller was built with: v1.9 moved to
/// k8s.io/api v0.34, where an unset <c>metadata.creationTimestamp</c> is left out instead of written as <c>null</c>,
/// so the same template hashes differently under v1.8 and v1.9.
/// </summary>
internal enum ArgoRolloutsLine
{
    /// <summary>Argo Rollouts v1.8.x, built on k8s.io/api v0.29.</summary>
    V18,

    /// <summary>Argo Rollouts v1.9.0 and later, built on k8s.io/api v0.34.</summary>
    V19,
}
