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
        var region = Amazon.CDK.Stack.Of(this).Region;
        foreach (var cluster in clusters.Where(c => !c.InOtherAccount))
        {
            if (cluster.Region is { } clusterRegion && !Amazon.CDK.Token.IsUnresolved(region) && clusterRegion != region)
            {
                throw new InfraSettingsException(
                    $"CDK context '{InfraSettings.ClustersKey}': cluster '{cluster.Name}' is in {clusterRegion}, not the stack's region {region}; give it a roleArn and deploy the companion stack there.");
            }
            AccessEntries.Create(this, cluster.Name, cluster, deployerRole.RoleArn);
        }
    }
}
