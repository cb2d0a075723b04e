using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Constructs;
using ServerlessDeploy.Infra.Settings;

namespace ServerlessDeploy.Infra.Deployer;

/// <summary>
/// Puts the functions in the user's existing subnets and security groups (imported by id: synthesis stays offline),
/// and, when asked, adds the VPC endpoints the functions call: interface endpoints for SQS, STS, SSM, EventBridge and
/// EventBridge Scheduler (in the same subnets and security groups, which must allow HTTPS from themselves), gateway
/// endpoints for DynamoDB and S3 on the given route tables.
/// </summary>
public sealed class NetworkAccess : Construct
{
    /// <summary>
    /// The network-interface actions Lambda needs for a function in a VPC. They take only "*": Lambda creates and
    /// describes its interfaces before their ARNs exist (the same statement as AWSLambdaVPCAccessExecutionRole).
    /// </summary>
    public static readonly string[] NetworkInterfaceActions =
    [
        "ec2:CreateNetworkInterface",
        "ec2:DescribeNetworkInterfaces",
        "ec2:DescribeSubnets",
        "ec2:DeleteNetworkInterface",
        "ec2:AssignPrivateIpAddresses",
        "ec2:UnassignPrivateIpAddresses",
    ];

    private static readonly string[] InterfaceServices = ["sqs", "sts", "ssm", "events", "scheduler"];
    private static readonly string[] GatewayServices = ["dynamodb", "s3"];

    public NetworkAccess(Construct scope, string id, VpcSettings vpc, IEnumerable<DeployerFunction> functions) : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(vpc);
        ArgumentNullException.ThrowIfNull(functions);
        foreach (var function in functions)
        {
            PlaceInVpc(vpc, function);
        }
        if (vpc.CreateEndpoints)
        {
            AddEndpoints(vpc);
        }
    }

    private static void PlaceInVpc(VpcSettings vpc, DeployerFunction function)
    {
        var policy = new Policy(function, "NetworkInterfaces", new PolicyProps
        {
            Statements = [new PolicyStatement(new PolicyStatementProps { Actions = NetworkInterfaceActions, Resources = ["*"] })],
            Roles = [function.Role],
        });
        var cfn = (CfnFunction)function.Function.Node.DefaultChild!;
        cfn.VpcConfig = new CfnFunction.VpcConfigProperty
        {
            SubnetIds = vpc.SubnetIds.ToArray(),
            SecurityGroupIds = vpc.SecurityGroupIds.ToArray(),
        };
        function.Function.Node.AddDependency(policy);
    }

    private void AddEndpoints(VpcSettings vpc)
    {
        foreach (var service in InterfaceServices)
        {
            new CfnVPCEndpoint(this, $"{service}Endpoint", new CfnVPCEndpointProps
            {
                VpcId = vpc.VpcId,
                ServiceName = $"com.amazonaws.{Stack.Of(this).Region}.{service}",
                VpcEndpointType = "Interface",
                PrivateDnsEnabled = true,
                SubnetIds = vpc.SubnetIds.ToArray(),
                SecurityGroupIds = vpc.SecurityGroupIds.ToArray(),
            });
        }
        foreach (var service in GatewayServices)
        {
            new CfnVPCEndpoint(this, $"{service}Endpoint", new CfnVPCEndpointProps
            {
                VpcId = vpc.VpcId,
                ServiceName = $"com.amazonaws.{Stack.Of(this).Region}.{service}",
                VpcEndpointType = "Gateway",
                RouteTableIds = vpc.RouteTableIds.ToArray(),
            });
        }
    }
}
