using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Core.Cluster;

namespace ServerlessDeploy.Pipeline.Deploying;

/// <summary>The cluster an Application's destination names: EKS clusters from the stack's configuration in AWS, a kubeconfig locally.</summary>
public interface IClusterConnector
{
    /// <summary>Throws <see cref="UnknownClusterException"/> when no configured cluster matches the destination.</summary>
    IClusterClient Connect(ApplicationDestination destination);
}

/// <summary>A destination that names no configured cluster.</summary>
public sealed class UnknownClusterException(string message) : Exception(message);
