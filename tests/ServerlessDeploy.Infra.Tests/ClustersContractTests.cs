using System.Text.Json;
using ServerlessDeploy.Aws.Eks;
using ServerlessDeploy.Aws.Tests.Fakes;
using ServerlessDeploy.Functions.Settings;
using ServerlessDeploy.Infra.Settings;
using ServerlessDeploy.Lambda.Runtime.Tests;

namespace ServerlessDeploy.Infra.Tests;

/// <summary>
/// The stack's CLUSTERS and the functions' reader of it agree: the deployer function's environment, as synthesized, is
/// read by the functions' own settings reader into the clusters that were configured. A field renamed, dropped or
/// reshaped on either side fails here.
/// </summary>
public sealed class ClustersContractTests(ClustersContractTests.ClustersFixture fixture) : IClassFixture<ClustersContractTests.ClustersFixture>
{
    /// <summary>Clusters with a real CA (the reader checks it): one in the stack's account and region, one in another account and region.</summary>
    public sealed class ClustersFixture() : StackFixture(context => context[InfraSettings.ClustersKey] = $$"""
        [
          {"name": "prod", "endpoint": "https://ABC.gr7.eu-west-1.eks.amazonaws.com", "caData": "{{CaData}}", "namespaces": ["shop"]},
          {"name": "partner", "endpoint": "https://GHI.gr7.us-east-1.eks.amazonaws.com/", "caData": "{{CaData}}", "region": "us-east-1",
           "roleArn": "{{PartnerRoleArn}}", "clusterScope": true}
        ]
        """)
    {
        public static readonly string CaData = TestCertificates.CaData();
    }

    [Fact]
    public void The_deployers_environment_reads_back_into_the_configured_clusters()
    {
        var settings = FunctionSettingsReader.Read(new DictionaryRuntimeEnvironment(DeployerEnvironment()));

        EksClusterEndpoint[] expected =
        [
            new("prod", new Uri("https://abc.gr7.eu-west-1.eks.amazonaws.com"), ClustersFixture.CaData, StackFixture.Region),
            new("partner", new Uri("https://ghi.gr7.us-east-1.eks.amazonaws.com"), ClustersFixture.CaData, "us-east-1", StackFixture.PartnerRoleArn),
        ];
        Assert.Equal(expected, settings.Clusters);
    }

    // As Lambda would start the deployer: its handler and region set, and CloudFormation's references (queue URL, table
    // name) resolved at deploy time; their JSON stands in for them, the reader only needs them present.
    private Dictionary<string, string> DeployerEnvironment()
    {
        var variables = JsonSerializer.SerializeToElement(fixture.Template.ToJSON())
            .GetProperty("Resources").GetProperty(fixture.LogicalId("Functions/Deployer/Function"))
            .GetProperty("Properties").GetProperty("Environment").GetProperty("Variables");
        var environment = variables.EnumerateObject().ToDictionary(
            v => v.Name,
            v => v.Value.ValueKind == JsonValueKind.String ? v.Value.GetString()! : v.Value.GetRawText());
        environment[FunctionSettingsReader.HandlerVariable] = "deployer";
        environment[FunctionSettingsReader.Region] = StackFixture.Region;
        return environment;
    }
}
