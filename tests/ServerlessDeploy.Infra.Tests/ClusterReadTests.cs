using System.Text.Json;
using Amazon.CDK.Assertions;
using ServerlessDeploy.Infra.Deployer;
using ServerlessDeploy.Infra.Settings;

namespace ServerlessDeploy.Infra.Tests;

/// <summary>
/// A cluster that turns cluster read off keeps exactly its namespace-scoped edit access, with no view association;
/// the deployer is told so in its CLUSTERS entry. The IAM walk does not change with it.
/// </summary>
public sealed class ClusterReadTests(ClusterReadTests.NoClusterReadFixture fixture) : IClassFixture<ClusterReadTests.NoClusterReadFixture>
{
    public sealed class NoClusterReadFixture() : StackFixture(context => context[InfraSettings.ClustersKey] = """
        [
          {"name": "prod", "endpoint": "https://ABC.gr7.eu-west-1.eks.amazonaws.com", "caData": "LS0tLS1CRUdJTg==", "namespaces": ["shop", "payments"], "clusterRead": false},
          {"name": "staging", "endpoint": "https://DEF.gr7.eu-west-1.eks.amazonaws.com", "caData": "LS0tLS1CRUdJTg==", "namespaces": ["shop"], "clusterRead": true}
        ]
        """);

    private static Dictionary<string, object> Props(params (string Key, object Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value);

    [Fact]
    public void Without_cluster_read_the_entry_has_only_the_namespace_write_association()
    {
        fixture.Template.HasResourceProperties("AWS::EKS::AccessEntry", Props(
            ("ClusterName", "prod"),
            ("AccessPolicies", new object[]
            {
                Props(
                    ("PolicyArn", "arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolicy"),
                    ("AccessScope", Props(("Type", "namespace"), ("Namespaces", new[] { "shop", "payments" })))),
            }),
            ("KubernetesGroups", Match.Absent())));
    }

    [Fact]
    public void With_cluster_read_asked_for_the_view_association_has_cluster_scope()
    {
        fixture.Template.HasResourceProperties("AWS::EKS::AccessEntry", Props(
            ("ClusterName", "staging"),
            ("AccessPolicies", Match.ArrayWith([
                Props(
                    ("PolicyArn", $"arn:aws:eks::aws:cluster-access-policy/{ClusterReadAccess.ViewPolicy}"),
                    ("AccessScope", Props(("Type", "cluster")))),
            ])),
            ("KubernetesGroups", Match.Absent())));
    }

    [Fact]
    public void The_deployer_reads_each_clusters_read_scope_from_its_CLUSTERS_entry()
    {
        var resources = JsonSerializer.SerializeToElement(fixture.Template.ToJSON()).GetProperty("Resources");
        var clusters = resources.GetProperty(fixture.LogicalId("Functions/Deployer/Function"))
            .GetProperty("Properties").GetProperty("Environment").GetProperty("Variables").GetProperty("CLUSTERS");

        using var entries = JsonDocument.Parse(clusters.GetString() ?? "");

        Assert.Equal(
            [("prod", false), ("staging", true)],
            entries.RootElement.EnumerateArray().Select(e => (e.GetProperty("name").GetString(), e.GetProperty("clusterRead").GetBoolean())));
    }

    [Fact]
    public void The_IAM_walk_holds_without_cluster_read_too()
    {
        PolicyStatements.AssertNoWildcardOutsideTheAllowList(fixture.Template);
        PolicyStatements.AssertNoWildcardAction(fixture.Template);
    }
}
