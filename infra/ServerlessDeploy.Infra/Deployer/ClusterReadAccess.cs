using Amazon.CDK;
using Amazon.CDK.AWS.EKS;
using Constructs;
using ServerlessDeploy.Infra.Settings;

namespace ServerlessDeploy.Infra.Deployer;

/// <summary>
/// The deployer's read access to the whole cluster, beside its namespace-scoped edit access, so one list per kind covers
/// every namespace: AmazonEKSViewPolicy with cluster scope, and the Kubernetes group <see cref="ReadersGroup"/>, which
/// the ClusterRoleBinding in <see cref="ManifestPath"/> gives read access to the kinds the view policy leaves out
/// (Secrets, RBAC, CRDs and their custom resources, cluster-scoped kinds). Access policies cannot be extended, and
/// creating RBAC objects needs credentials the stack never holds, so the cluster's admin applies that manifest once.
/// A cluster with clusterScope has none of this: its admin policy already reads everything.
/// </summary>
public static class ClusterReadAccess
{
    public const string ViewPolicy = "AmazonEKSViewPolicy";

    /// <summary>The Kubernetes group of the deployer's access entry, the subject of the manifest's ClusterRoleBinding.</summary>
    public const string ReadersGroup = "serverless-deploy-readers";

    /// <summary>The read rule's manifest, relative to the repository root.</summary>
    public const string ManifestPath = "infra/kubernetes/deployer-cluster-read.yaml";

    /// <summary>True when the cluster's entry needs the view association and the group: cluster read asked for, and no admin access that has it already.</summary>
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
