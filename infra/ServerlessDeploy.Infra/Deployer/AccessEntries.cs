using Amazon.CDK;
using Amazon.CDK.AWS.EKS;
using Constructs;
using ServerlessDeploy.Infra.Settings;

namespace ServerlessDeploy.Infra.Deployer;

/// <summary>
/// An EKS access entry for a role: AmazonEKSEditPolicy on the cluster's allowed namespaces, or
/// AmazonEKSClusterAdminPolicy on the whole cluster when the cluster asks for cluster scope.
/// </summary>
public static class AccessEntries
{
    public const string EditPolicy = "AmazonEKSEditPolicy";
    public const string ClusterAdminPolicy = "AmazonEKSClusterAdminPolicy";

    public static CfnAccessEntry Create(Construct scope, string id, ClusterSettings cluster, string principalArn)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var policy = cluster.ClusterScope ? ClusterAdminPolicy : EditPolicy;
        return new CfnAccessEntry(scope, id, new CfnAccessEntryProps
        {
            ClusterName = cluster.Name,
            PrincipalArn = principalArn,
            Type = "STANDARD",
            AccessPolicies = new object[]
            {
                new CfnAccessEntry.AccessPolicyProperty
                {
                    PolicyArn = $"arn:{Stack.Of(scope).Partition}:eks::aws:cluster-access-policy/{policy}",
                    AccessScope = cluster.ClusterScope
                        ? new CfnAccessEntry.AccessScopeProperty { Type = "cluster" }
                        : new CfnAccessEntry.AccessScopeProperty { Type = "namespace", Namespaces = cluster.Namespaces.ToArray() },
                },
            },
        });
    }
}
