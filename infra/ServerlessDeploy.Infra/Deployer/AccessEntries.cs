using Amazon.CDK;
using Amazon.CDK.AWS.EKS;
using Constructs;
using ServerlessDeploy.Infra.Settings;

namespace ServerlessDeploy.Infra.Deployer;

/// <summary>
/// An EKS access entry for a role: AmazonEKSEditPolicy on the cluster's allowed namespaces, or
/// AmazonEKSClusterAdminPolicy on the whole cluster when the cluster asks for cluster scope; beside namespace-scoped
/// edit, the cluster-wide read of <see cref="ClusterReadAccess"/> unless the cluster turns it off.
/// </summary>
public static class AccessEntries
{
    public const string EditPolicy = "AmazonEKSEditPolicy";
    public const string ClusterAdminPolicy = "AmazonEKSClusterAdminPolicy";

    public static CfnAccessEntry Create(Construct scope, string id, ClusterSettings cluster, string principalArn)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var policy = cluster.ClusterScope ? ClusterAdminPolicy : EditPolicy;
        var write = new CfnAccessEntry.AccessPolicyProperty
        {
            PolicyArn = PolicyArn(scope, policy),
            AccessScope = cluster.ClusterScope
                ? new CfnAccessEntry.AccessScopeProperty { Type = "cluster" }
                : new CfnAccessEntry.AccessScopeProperty { Type = "namespace", Namespaces = cluster.Namespaces.ToArray() },
        };
        var read = ClusterReadAccess.AppliesTo(cluster);
        return new CfnAccessEntry(scope, id, new CfnAccessEntryProps
        {
            ClusterName = cluster.Name,
            PrincipalArn = principalArn,
            Type = "STANDARD",
            AccessPolicies = read ? new object[] { write, ClusterReadAccess.View(scope) } : new object[] { write },
        });
    }

    public static string PolicyArn(Construct scope, string policy) =>
        $"arn:{Stack.Of(scope).Partition}:eks::aws:cluster-access-policy/{policy}";
}
