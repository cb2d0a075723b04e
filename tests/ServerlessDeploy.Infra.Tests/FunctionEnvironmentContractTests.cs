using System.Text.Json;
using ServerlessDeploy.Aws.Eks;
using ServerlessDeploy.Functions.Settings;
using ServerlessDeploy.Infra.Settings;
using ServerlessDeploy.Testing.Certificates;
using ServerlessDeploy.Testing.Lambda;

namespace ServerlessDeploy.Infra.Tests;

/// <summary>
/// The stack's environment and the functions' reader of it agree: the deployer function's environment, as synthesized
/// and as CloudFormation resolves it, is read by the functions' own settings reader into the clusters that were
/// configured (their read scope included) and the wake-up queue, group and role the stack made. A variable or field renamed, dropped or reshaped on
/// either side fails here.
/// </summary>
public sealed class FunctionEnvironmentContractTests(FunctionEnvironmentContractTests.ClustersFixture fixture)
    : IClassFixture<FunctionEnvironmentContractTests.ClustersFixture>
{
    /// <summary>Clusters with a real CA (the reader checks it): one in the stack's account and region, one in another account and region.</summary>
    public sealed class ClustersFixture() : StackFixture(context => context[InfraSettings.ClustersKey] = $$"""
        [
          {"name": "prod", "endpoint": "https://ABC.gr7.eu-west-1.eks.amazonaws.com", "caData": "{{CaData}}", "namespaces": ["shop"], "clusterRead": false},
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
            new("prod", new Uri("https://abc.gr7.eu-west-1.eks.amazonaws.com"), ClustersFixture.CaData, StackFixture.Region, ClusterRead: false),
            new("partner", new Uri("https://ghi.gr7.us-east-1.eks.amazonaws.com"), ClustersFixture.CaData, "us-east-1", StackFixture.PartnerRoleArn),
        ];
        Assert.Equal(expected, settings.Clusters);
    }

    [Fact]
    public void The_deployers_environment_reads_back_into_the_wake_up_queue_group_and_role_of_the_stack()
    {
        var settings = FunctionSettingsReader.Read(new DictionaryRuntimeEnvironment(DeployerEnvironment()));

        var queue = fixture.LogicalId("Queues/WakeUpQueue");
        Assert.Equal(
            new WakeUpSettings(
                $"https://sqs.{StackFixture.Region}.amazonaws.com/{StackFixture.Account}/{queue}",
                $"arn:aws:sqs:{StackFixture.Region}:{StackFixture.Account}:{queue}",
                fixture.Stack.WakeUps.GroupName,
                $"arn:aws:iam::{StackFixture.Account}:role/{fixture.LogicalId("WakeUps/SchedulerRole")}"),
            settings.WakeUps);
    }

    [Fact]
    public void The_deployers_environment_reads_back_into_the_render_cache_bucket_of_the_stack()
    {
        var settings = FunctionSettingsReader.Read(new DictionaryRuntimeEnvironment(DeployerEnvironment()));

        Assert.Equal(fixture.LogicalId("RenderCache/Bucket").ToLowerInvariant(), settings.RenderCacheBucket);
    }

    // As Lambda would start the deployer: its handler and region set, and CloudFormation's references resolved at deploy
    // time as CloudFormation resolves them for a queue (Ref: URL, Arn) and a role (Arn), the physical name standing in
    // as the logical id; any other reference keeps its JSON, where the reader only needs a value present.
    private Dictionary<string, string> DeployerEnvironment()
    {
        var resources = JsonSerializer.SerializeToElement(fixture.Template.ToJSON()).GetProperty("Resources");
        var variables = resources.GetProperty(fixture.LogicalId("Functions/Deployer/Function"))
            .GetProperty("Properties").GetProperty("Environment").GetProperty("Variables");
        var environment = variables.EnumerateObject().ToDictionary(v => v.Name, v => Resolve(resources, v.Value));
        environment[FunctionSettingsReader.HandlerVariable] = "deployer";
        environment[FunctionSettingsReader.Region] = StackFixture.Region;
        return environment;
    }

    private static string Resolve(JsonElement resources, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString()!;
        }
        var (id, attribute) = value.TryGetProperty("Ref", out var reference) ? (reference.GetString()!, "Ref")
            : value.TryGetProperty("Fn::GetAtt", out var getAtt) ? (getAtt[0].GetString()!, getAtt[1].GetString()!)
            : ("", "");
        var type = id.Length > 0 && resources.TryGetProperty(id, out var resource) ? resource.GetProperty("Type").GetString() : null;
        return (type, attribute) switch
        {
            ("AWS::SQS::Queue", "Ref") => $"https://sqs.{StackFixture.Region}.amazonaws.com/{StackFixture.Account}/{id}",
            ("AWS::SQS::Queue", "Arn") => $"arn:aws:sqs:{StackFixture.Region}:{StackFixture.Account}:{id}",
            ("AWS::IAM::Role", "Arn") => $"arn:aws:iam::{StackFixture.Account}:role/{id}",
            // CloudFormation names a bucket in lower case.
            ("AWS::S3::Bucket", "Ref") => id.ToLowerInvariant(),
            _ => value.GetRawText(),
        };
    }
}
