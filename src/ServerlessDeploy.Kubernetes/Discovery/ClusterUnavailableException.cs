namespace ServerlessDeploy.Kubernetes.Discovery;

/// <summary>The cluster could not be asked what it serves; nothing can be decided or written without that.</summary>
public sealed class ClusterUnavailableException(string message) : Exception(message);
