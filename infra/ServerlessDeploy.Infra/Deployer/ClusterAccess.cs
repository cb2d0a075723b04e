using Amazon.CDK.AWS.IAM;
using Constructs;
using ServerlessDeploy.Infra.Settings;

namespace ServerlessDeploy.Infra.Deployer;

/// <summary>
/// Access entries for the deployer's role on every cluster in the stack's account and region. Clusters in other
/// accounts (with a roleArn) get theirs from the companion <see cref="Companion.DeployerAccessStack"/>.
/// </summary>
public sealed class ClusterAccess : Construct
{
    public ClusterAccess(Construct scope, string id, IEnumerable<ClusterSettings> clusters, IRole deployerRole) : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        ArgumentNullException.ThrowIfNull(deployerRole);
        foreach (var cluster in clusters.Where(c => !c.InOtherAccount))
        {
            AccessEntries.Create(this, cluster.Name, cluster, deployerRole.RoleArn);
        }
    }
}
