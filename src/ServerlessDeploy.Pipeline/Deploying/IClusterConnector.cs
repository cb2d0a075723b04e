using ServerlessDeploy.Core.Applications;

namespace ServerlessDeploy.Pipeline.Deploying;

/// <summary>The cluster an Application's destination names: EKS clusters from the stack's configuration in AWS, a kubeconfig locally.</summary>
public interface IClusterConnector
{
    /// <summary>The cluster's client, or why no configured cluster matches the destination (an expected outcome, not a fault).</summary>
    ClusterConnection Connect(ApplicationDestination destination);
}
