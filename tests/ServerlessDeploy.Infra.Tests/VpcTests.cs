using Amazon.CDK.Assertions;
using ServerlessDeploy.Infra.Deployer;
using ServerlessDeploy.Infra.Settings;

namespace ServerlessDeploy.Infra.Tests;

/// <summary>The functions in an existing VPC, with endpoints, and no alarm topic.</summary>
public sealed class VpcTests(VpcTests.VpcStackFixture fixture) : IClassFixture<VpcTests.VpcStackFixture>
{
    public sealed class VpcStackFixture() : StackFixture(context =>
    {
        context[InfraSettings.VpcIdKey] = "vpc-0123456789abcdef0";
        context[InfraSettings.SubnetIdsKey] = "subnet-0aaaaaaaaaaaaaaa1,subnet-0bbbbbbbbbbbbbbb2";
        context[InfraSettings.SecurityGroupIdsKey] = new object[] { "sg-0ccccccccccccccc3" };
        context[InfraSettings.VpcEndpointsKey] = "true";
        context[InfraSettings.RouteTableIdsKey] = "rtb-0ddddddddddddddd4";
        context[InfraSettings.EcrRepositoriesKey] = "*";
        context.Remove(InfraSettings.AlarmTopicArnKey);
    });

    private readonly Template _template = fixture.Template;

    private static Dictionary<string, object> Props(params (string Key, object Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value);

    [Fact]
    public void Every_function_runs_in_the_given_subnets_and_security_groups()
    {
        _template.AllResourcesProperties("AWS::Lambda::Function", Props(("VpcConfig", Props(
            ("SubnetIds", new[] { "subnet-0aaaaaaaaaaaaaaa1", "subnet-0bbbbbbbbbbbbbbb2" }),
            ("SecurityGroupIds", new[] { "sg-0ccccccccccccccc3" })))));
    }

    [Fact]
    public void Interface_and_gateway_endpoints_are_added_for_the_services_the_functions_call()
    {
        _template.ResourceCountIs("AWS::EC2::VPCEndpoint", 7);
        foreach (var service in new[] { "sqs", "sts", "ssm", "events", "scheduler" })
        {
            _template.HasResourceProperties("AWS::EC2::VPCEndpoint", Props(
                ("ServiceName", $"com.amazonaws.eu-west-1.{service}"),
                ("VpcEndpointType", "Interface"),
                ("VpcId", "vpc-0123456789abcdef0"),
                ("PrivateDnsEnabled", true),
                ("SubnetIds", new[] { "subnet-0aaaaaaaaaaaaaaa1", "subnet-0bbbbbbbbbbbbbbb2" }),
                ("SecurityGroupIds", new[] { "sg-0ccccccccccccccc3" })));
        }
        foreach (var service in new[] { "dynamodb", "s3" })
        {
            _template.HasResourceProperties("AWS::EC2::VPCEndpoint", Props(
                ("ServiceName", $"com.amazonaws.eu-west-1.{service}"),
                ("VpcEndpointType", "Gateway"),
                ("RouteTableIds", new[] { "rtb-0ddddddddddddddd4" })));
        }
    }

    [Fact]
    public void Each_function_gets_the_documented_network_interface_actions_on_star_before_it_is_created()
    {
        PolicyStatements.AssertNoWildcardOutsideTheAllowList(_template);
        PolicyStatements.AssertNoWildcardAction(_template);
        var wildcard = PolicyStatements.All(_template)
            .Where(s => PolicyStatements.LiteralResources(s.Statement).Contains("*") && PolicyStatements.Actions(s.Statement).Any(a => a.StartsWith("ec2:", StringComparison.Ordinal)))
            .ToList();
        Assert.Equal(4, wildcard.Count);
        Assert.All(wildcard, s => Assert.Equal(NetworkAccess.NetworkInterfaceActions, PolicyStatements.Actions(s.Statement)));
        var deployer = fixture.LogicalId("Functions/Deployer/Function");
        var policy = fixture.LogicalId("Functions/Deployer/NetworkInterfaces");
        var dependsOn = (object[])((Dictionary<string, object>)_template.FindResources("AWS::Lambda::Function")[deployer])["DependsOn"];
        Assert.Contains(policy, dependsOn);
    }

    [Fact]
    public void Watching_every_repository_grants_DescribeImages_on_the_account_repositories_and_alarms_have_no_action()
    {
        Assert.Contains(PolicyStatements.All(_template), s =>
            PolicyStatements.Actions(s.Statement).SequenceEqual(["ecr:DescribeImages"])
            && PolicyStatements.LiteralResources(s.Statement).SequenceEqual(["arn:aws:ecr:eu-west-1:111111111111:repository/*"]));
        _template.AllResourcesProperties("AWS::CloudWatch::Alarm", Props(("AlarmActions", Match.Absent())));
        _template.HasResourceProperties("AWS::Events::Rule", Props(("EventPattern", Props(
            ("source", new[] { "aws.ecr" }),
            ("detail-type", new[] { "ECR Image Action" }),
            ("detail", Props(("action-type", new[] { "PUSH" }), ("result", new[] { "SUCCESS" })))))));
    }
}
