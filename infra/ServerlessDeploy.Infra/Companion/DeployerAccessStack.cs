using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Constructs;
using ServerlessDeploy.Infra.Deployer;
using ServerlessDeploy.Infra.Settings;

namespace ServerlessDeploy.Infra.Companion;

/// <summary>
/// Deployed in a cluster's own account: the role the deployer assumes (named as the cluster's roleArn, trusting
/// only the deployer's role) and that role's access entry on the cluster.
/// </summary>
public sealed class DeployerAccessStack : Stack
{
    public Role Role { get; }

    public DeployerAccessStack(Construct scope, string id, ClusterSettings cluster, string deployerRoleArn, IStackProps? props = null)
        : base(scope, id, props)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var (path, name) = RoleNameOf(cluster.RoleArn
            ?? throw new ArgumentException($"cluster {cluster.Name} has no roleArn: it is in the deployer's account", nameof(cluster)));
        Role = new Role(this, "DeployerRole", new RoleProps
        {
            RoleName = name,
            Path = path,
            AssumedBy = new ArnPrincipal(deployerRoleArn),
            Description = $"Assumed by the ServerlessDeploy deployer to sync to EKS cluster {cluster.Name}",
        });
        Role.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Actions = ["eks:DescribeCluster"],
            Resources = [ResourceArns.EksCluster(this, cluster)],
        }));
        AccessEntries.Create(this, "AccessEntry", cluster, Role.RoleArn);
        new CfnOutput(this, "RoleArn", new CfnOutputProps { Value = Role.RoleArn });
    }

    /// <summary>The path ("/" or "/a/b/") and name of arn:aws:iam::123456789012:role/a/b/name.</summary>
    public static (string Path, string Name) RoleNameOf(string roleArn)
    {
        ArgumentNullException.ThrowIfNull(roleArn);
        var resource = roleArn[(roleArn.IndexOf(":role/", StringComparison.Ordinal) + ":role/".Length)..];
        var slash = resource.LastIndexOf('/');
        return slash < 0 ? ("/", resource) : ("/" + resource[..(slash + 1)], resource[(slash + 1)..]);
    }

    /// <summary>The account in a role ARN (arn:aws:iam::&lt;account&gt;:role/…).</summary>
    public static string AccountOf(string roleArn)
    {
        ArgumentNullException.ThrowIfNull(roleArn);
        return roleArn.Split(':')[4];
    }
}
