using Amazon.CDK;
using Amazon.CDK.Assertions;
using ServerlessDeploy.Infra.Companion;
using ServerlessDeploy.Infra.Settings;

namespace ServerlessDeploy.Infra.Tests;

/// <summary>The companion stack for a cluster in another account: the assumed role and its access entry.</summary>
public sealed class CompanionStackTests : IClassFixture<CompanionStackTests.CompanionFixture>
{
    public const string DeployerRoleArn = "arn:aws:iam::111111111111:role/ServerlessDeploy-FunctionsDeployerRole-ABC";

    public sealed class CompanionFixture
    {
        public CompanionFixture()
        {
            var context = StackFixture.ValidContext();
            context[InfraSettings.ClustersKey] = StackFixture.ClustersJson;
            context["@aws-cdk/core:enablePartitionLiterals"] = true;
            App = new App(new AppProps { Context = context });
            StackSet.AddTo(App, InfraSettings.FromContext(App.Node), DeployerRoleArn);
            Stack = (DeployerAccessStack)App.Node.FindChild(StackSet.AccessStackPrefix + "partner");
            Template = Template.FromStack(Stack);
        }

        public App App { get; }
        public DeployerAccessStack Stack { get; }
        public Template Template { get; }
    }

    private readonly CompanionFixture _fixture;
    private readonly Template _template;

    public CompanionStackTests(CompanionFixture fixture)
    {
        _fixture = fixture;
        _template = fixture.Template;
    }

    private static Dictionary<string, object> Props(params (string Key, object Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value);

    [Fact]
    public void Only_clusters_in_other_accounts_get_a_companion_stack_in_their_account_and_region()
    {
        var stacks = _fixture.App.Node.Children.OfType<Stack>().ToList();
        Assert.Equal([StackSet.AccessStackPrefix + "partner"], stacks.Select(s => s.StackName));
        Assert.Equal("222222222222", _fixture.Stack.Account);
        Assert.Equal("us-east-1", _fixture.Stack.Region);
    }

    [Fact]
    public void The_role_has_the_name_the_deployer_assumes_and_trusts_only_the_deployer_role()
    {
        _template.ResourceCountIs("AWS::IAM::Role", 1);
        _template.HasResourceProperties("AWS::IAM::Role", Props(
            ("RoleName", "partner-deployer"),
            ("Path", "/serverless-deploy/"),
            ("AssumeRolePolicyDocument", Props(("Statement", new object[]
            {
                Props(("Action", "sts:AssumeRole"), ("Effect", "Allow"), ("Principal", Props(("AWS", DeployerRoleArn)))),
            })))));
        PolicyStatements.AssertNoWildcardOutsideTheAllowList(_template);
        Assert.Contains(PolicyStatements.All(_template), s =>
            PolicyStatements.LiteralResources(s.Statement).SequenceEqual(["arn:aws:eks:us-east-1:222222222222:cluster/partner"]));
    }

    [Fact]
    public void The_role_gets_the_clusters_access_entry_with_its_namespaces_and_cluster_read()
    {
        var role = _fixture.Stack.GetLogicalId((CfnElement)_fixture.Stack.Role.Node.DefaultChild!);
        _template.ResourceCountIs("AWS::EKS::AccessEntry", 1);
        _template.HasResourceProperties("AWS::EKS::AccessEntry", Props(
            ("ClusterName", "partner"),
            ("PrincipalArn", Props(("Fn::GetAtt", new object[] { role, "Arn" }))),
            ("AccessPolicies", new object[]
            {
                Props(
                    ("PolicyArn", "arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolicy"),
                    ("AccessScope", Props(("Type", "namespace"), ("Namespaces", new[] { "web" })))),
                Props(
                    ("PolicyArn", "arn:aws:eks::aws:cluster-access-policy/AmazonEKSAdminViewPolicy"),
                    ("AccessScope", Props(("Type", "cluster")))),
            }),
            ("KubernetesGroups", Match.Absent())));
    }

    [Theory]
    [InlineData("not-an-arn", InfraSettings.CompanionForKey)]
    [InlineData("arn:aws:iam::111111111111:user/someone", InfraSettings.CompanionForKey)]
    public void A_bad_deployer_role_ARN_fails_naming_the_key(string arn, string key)
    {
        var app = new App(new AppProps { Context = StackFixture.ValidContext() });
        var settings = InfraSettings.FromContext(app.Node) with { Clusters = InfraSettings.FromContext(_fixture.App.Node).Clusters };
        var e = Assert.Throws<InfraSettingsException>(() => StackSet.AddTo(app, settings, arn));
        Assert.Contains($"'{key}'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_companion_without_any_cluster_in_another_account_fails_naming_the_clusters_key()
    {
        var app = new App(new AppProps { Context = StackFixture.ValidContext() });
        var e = Assert.Throws<InfraSettingsException>(() => StackSet.AddTo(app, InfraSettings.FromContext(app.Node), DeployerRoleArn));
        Assert.Contains($"'{InfraSettings.ClustersKey}'", e.Message, StringComparison.Ordinal);
    }
}
