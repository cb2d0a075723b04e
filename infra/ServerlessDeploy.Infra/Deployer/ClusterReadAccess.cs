using Amazon.CDK;
using Amazon.CDK.AWS.EKS;
using Constructs;
using ServerlessDeploy.Infra.Settings;

namespace ServerlessDeploy.Infra.Deployer;

/// <summary>
/// The deployer's read access to the whole cluster, beside its namespace-scoped edit access, so one list per kind covers
/// every namespace: AmazonEKSAdminViewPolicy (get, list and watch on every kind) with cluster scope. The narrower
/// AmazonEKSViewPolicy leaves out Secrets, RBAC, CRDs and their custom resources and most cluster-scoped kinds, all of
/// which an app may deploy; making up for it takes RBAC objects the stack cannot create without cluster credentials.
/// A cluster with clusterScope has none of this: its admin policy already reads everything.
/// </summary>
public static class ClusterReadAccess
{
    public const string ViewPolicy = "AmazonEKSAdminViewPolicy";

    /// <summary>True when the cluster's entry needs the view association: cluster read asked for, and no admin access that has it already.</summary>
    public static bool AppliesTo(ClusterSettings cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return cluster.ClusterRead && !cluster.ClusterScope;
    }

    public static CfnAccessEntry.AccessPolicyProperty View(Construct scope) => new()
    {
        PolicyArn = AccessEntries.PolicyArn(scope, ViewPolicy),
        AccessScope = new CfnAccessEntry.AccessScopeProperty { Type = "cluster" },
    };
}
