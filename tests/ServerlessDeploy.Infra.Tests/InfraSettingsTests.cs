using Amazon.CDK;
using ServerlessDeploy.Infra.Settings;

namespace ServerlessDeploy.Infra.Tests;

public sealed class InfraSettingsTests
{
    private const string Cluster = """{"name": "prod", "endpoint": "https://abc.eks.amazonaws.com", "caData": "LS0t", "namespaces": ["shop"]}""";

    private static InfraSettings Read(string key, object? value)
    {
        var context = StackFixture.ValidContext();
        if (value is null)
        {
            context.Remove(key);
        }
        else
        {
            context[key] = value;
        }
        return InfraSettings.FromValues(k => context.TryGetValue(k, out var v) ? v : null);
    }

    [Fact]
    public void Valid_context_reads_into_typed_settings_with_the_measured_defaults()
    {
        var s = Read(InfraSettings.ReconcileIntervalMinutesKey, 3d);
        Assert.Equal(new Uri("https://git-codecommit.eu-west-1.amazonaws.com/v1/repos/gitops-config"), s.ConfigRepository.Url);
        Assert.Equal("gitops-config", s.ConfigRepository.CodeCommitName);
        Assert.Equal("main", s.ConfigBranch);
        Assert.Equal("clusters/prod/apps", s.AppsPath);
        Assert.Equal(3, s.ReconcileIntervalMinutes);
        Assert.Equal(new FunctionSizing(2048, 120, 10), s.Deployer);
        Assert.Equal(new FunctionSizing(512, 60, 5), s.Router);
        Assert.Equal(new FunctionSizing(256, 10, 10), s.Webhook);
        Assert.Equal(720, s.DeployVisibilityTimeoutSeconds);
        Assert.Equal(360, s.IntakeVisibilityTimeoutSeconds);
        Assert.True(s.WatchesAllEcrRepositories);
        Assert.Empty(s.Clusters);
        Assert.Null(s.Vpc);
        Assert.Null(s.FunctionsCodePath);
        Assert.Null(s.KubectlLayerZip);
    }

    [Fact]
    public void Clusters_read_from_the_object_cdk_json_holds_as_well_as_from_JSON_text()
    {
        var fromJson = Read(InfraSettings.ClustersKey, "[" + Cluster + "]").Clusters.Single();
        var fromObject = Read(InfraSettings.ClustersKey, new object[]
        {
            new Dictionary<string, object>
            {
                ["name"] = "prod", ["endpoint"] = "https://abc.eks.amazonaws.com", ["caData"] = "LS0t", ["namespaces"] = new object[] { "shop" },
            },
        }).Clusters.Single();
        Assert.Equal(fromJson.Name, fromObject.Name);
        Assert.Equal(["shop"], fromObject.Namespaces);
        Assert.False(fromObject.ClusterScope);
        Assert.True(fromObject.ClusterRead);
    }

    [Fact]
    public void Cluster_read_is_on_unless_a_cluster_turns_it_off()
    {
        var clusters = Read(InfraSettings.ClustersKey, "[" + Cluster + "," + Cluster.Replace("\"prod\"", "\"staging\"", StringComparison.Ordinal).Replace("}", ", \"clusterRead\": false}", StringComparison.Ordinal) + "]").Clusters;
        Assert.Equal([("prod", true), ("staging", false)], clusters.Select(c => (c.Name, c.ClusterRead)));
    }

    [Fact]
    public void A_CodeCommit_repository_by_name_clones_over_https_in_the_region()
    {
        var context = StackFixture.ValidContext();
        context.Remove(InfraSettings.ConfigRepositoryUrlKey);
        context[InfraSettings.CodeCommitRepositoryKey] = "gitops";
        var s = InfraSettings.FromValues(k => context.TryGetValue(k, out var v) ? v : null);
        Assert.Equal("https://git-codecommit.us-east-2.amazonaws.com/v1/repos/gitops", s.ConfigRepository.CloneUrl("us-east-2"));
    }

    [Fact]
    public void CodeCommit_pushes_are_watched_for_the_config_repository_alone_unless_more_or_all_are_named()
    {
        const string key = InfraSettings.CodeCommitRepositoriesKey;
        Assert.Equal(["gitops-config"], Read(key, null).CodeCommit.Repositories);
        Assert.Equal(["gitops-config", "shop-web"], Read(key, new object[] { "shop-web", "gitops-config" }).CodeCommit.Repositories);
        Assert.True(Read(key, "*").CodeCommit.All);
        Assert.True(Read(InfraSettings.ConfigRepositoryUrlKey, "https://github.com/acme/gitops").CodeCommit.None);
    }

    [Theory]
    [InlineData(InfraSettings.ConfigRepositoryUrlKey, null, "exactly one")]
    [InlineData(InfraSettings.ConfigRepositoryUrlKey, "not a url", "invalid value 'not a url'")]
    [InlineData(InfraSettings.ConfigRepositoryUrlKey, "ftp://example.com/repo", "invalid value")]
    [InlineData(InfraSettings.CodeCommitRepositoryKey, "gitops", "exactly one")]
    [InlineData(InfraSettings.GitTokenParameterKey, "token with spaces", "SSM parameter name")]
    [InlineData(InfraSettings.GitHubHostsKey, "github.example.com,https://ghe.example.com", "invalid value 'https://ghe.example.com'")]
    [InlineData(InfraSettings.GitHubHostsKey, "ghe.example.com:8443", "GitHub Enterprise host names")]
    [InlineData(InfraSettings.CommitAuthorEmailKey, "not an email", "an email address")]
    [InlineData(InfraSettings.ConfigBranchKey, "", "missing or empty")]
    [InlineData(InfraSettings.ConfigBranchKey, "feature branch", "Git branch name")]
    [InlineData(InfraSettings.ConfigBranchKey, "a..b", "Git branch name")]
    [InlineData(InfraSettings.AppsPathKey, "/abs/apps", "relative path")]
    [InlineData(InfraSettings.AppsPathKey, "apps/../secrets", "relative path")]
    [InlineData(InfraSettings.ReconcileIntervalMinutesKey, 0, "invalid value '0'")]
    [InlineData(InfraSettings.ReconcileIntervalMinutesKey, "1441", "1 to 1440")]
    [InlineData(InfraSettings.ReconcileIntervalMinutesKey, 2.5, "invalid value '2.5'")]
    [InlineData(InfraSettings.ReconcileIntervalMinutesKey, "three", "invalid value 'three'")]
    [InlineData(InfraSettings.ReconcileIntervalMinutesKey, null, "missing")]
    [InlineData(InfraSettings.DeployerTimeoutSecondsKey, 901, "1 to 900")]
    [InlineData("serverless-deploy:deployerMemoryMb", 64, "128 to 10240")]
    [InlineData("serverless-deploy:deployerReservedConcurrency", 0, "reserved concurrency")]
    [InlineData(InfraSettings.DeployMaxReceiveCountKey, 0, "receive count")]
    [InlineData(InfraSettings.ClustersKey, "[{\"name\": ", "not valid JSON")]
    [InlineData(InfraSettings.ClustersKey, "{}", "JSON array")]
    [InlineData(InfraSettings.ClustersKey, "[{\"name\": \"prod\"}]", "missing 'endpoint'")]
    [InlineData(InfraSettings.ClustersKey, "[" + Cluster + "," + Cluster + "]", "more than once")]
    [InlineData(InfraSettings.ClustersKey, """[{"name": "p", "endpoint": "http://a", "caData": "LS0t", "namespaces": ["a"]}]""", "invalid 'endpoint'")]
    [InlineData(InfraSettings.ClustersKey, """[{"name": "p", "endpoint": "https://a", "caData": "not base64!", "namespaces": ["a"]}]""", "invalid 'caData'")]
    [InlineData(InfraSettings.ClustersKey, """[{"name": "p", "endpoint": "https://a", "caData": "LS0t", "roleArn": "arn:aws:iam::12:user/x", "namespaces": ["a"]}]""", "invalid 'roleArn'")]
    [InlineData(InfraSettings.ClustersKey, """[{"name": "p", "endpoint": "https://a", "caData": "LS0t", "namespaces": ["Not_A_Namespace"]}]""", "invalid 'namespaces'")]
    [InlineData(InfraSettings.ClustersKey, """[{"name": "p", "endpoint": "https://a", "caData": "LS0t"}]""", "either a non-empty 'namespaces'")]
    [InlineData(InfraSettings.ClustersKey, """[{"name": "p", "endpoint": "https://a", "caData": "LS0t", "namespaces": ["a"], "clusterScope": true}]""", "not both")]
    [InlineData(InfraSettings.ClustersKey, """[{"name": "p", "endpoint": "https://a", "caData": "LS0t", "namespaces": ["a"], "clusterRead": "yes"}]""", "invalid 'clusterRead' value \"yes\": expected true or false")]
    [InlineData(InfraSettings.ClustersKey, """[{"name": "p", "endpoint": "https://a", "caData": "LS0t", "clusterScope": true, "clusterRead": false}]""", "\"clusterRead\": false with \"clusterScope\": true")]
    [InlineData(InfraSettings.EcrRepositoriesKey, "Shop/Web", "ECR repository names")]
    [InlineData(InfraSettings.EcrRepositoriesKey, "*,shop", "\"*\" alone")]
    [InlineData(InfraSettings.CodeCommitRepositoriesKey, "shop,*", "\"*\" alone")]
    [InlineData(InfraSettings.CodeCommitRepositoriesKey, "shop web", "CodeCommit repository names")]
    [InlineData(InfraSettings.ChatWebhookParametersKey, "irc=/p", "slack|teams|discord")]
    [InlineData(InfraSettings.WebhookSecretParameterKey, "a b", "SSM parameter name")]
    [InlineData(InfraSettings.EventBusNameKey, "arn:aws:events:eu-west-1:1:event-bus/x", "event bus name")]
    [InlineData(InfraSettings.AlarmTopicArnKey, "arn:aws:sqs:eu-west-1:111111111111:q", "SNS topic ARN")]
    [InlineData(InfraSettings.VpcIdKey, "vpc-12345678", "'serverless-deploy:subnetIds' is missing")]
    [InlineData(InfraSettings.VpcIdKey, "my-vpc", "VPC id")]
    [InlineData(InfraSettings.SubnetIdsKey, "subnet-12345678", "'serverless-deploy:vpcId' is missing")]
    public void Invalid_value_throws_one_message_naming_the_context_key(string key, object? value, string expected)
    {
        var e = Assert.Throws<InfraSettingsException>(() => Read(key, value));
        Assert.Contains($"'{key}'", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Synthesis_from_an_App_with_invalid_context_throws_naming_the_key()
    {
        var context = StackFixture.ValidContext();
        context[InfraSettings.DeployerTimeoutSecondsKey] = 0;
        var app = new App(new AppProps { Context = context });
        var e = Assert.Throws<InfraSettingsException>(() => InfraSettings.FromContext(app.Node));
        Assert.Contains($"'{InfraSettings.DeployerTimeoutSecondsKey}'", e.Message, StringComparison.Ordinal);
    }
}
