using Amazon.CDK;
using Amazon.CDK.Assertions;
using ServerlessDeploy.Infra.Deployer;
using ServerlessDeploy.Infra.Settings;

namespace ServerlessDeploy.Infra.Tests;

/// <summary>
/// Synthesizes the deployer stack once per test class (jsii starts a Node process; synthesis takes seconds), in a
/// fixed account and region, with clusters in this account (namespace and cluster scope) and in another account.
/// </summary>
public class StackFixture : IDisposable
{
    public const string Account = "111111111111";
    public const string Region = "eu-west-1";
    public const string PartnerRoleArn = "arn:aws:iam::222222222222:role/serverless-deploy/partner-deployer";
    public const string AlarmTopicArn = "arn:aws:sns:eu-west-1:111111111111:deployer-alarms";

    public static Dictionary<string, object> ValidContext() => new()
    {
        [InfraSettings.ConfigRepositoryUrlKey] = "https://git-codecommit.eu-west-1.amazonaws.com/v1/repos/gitops-config",
        [InfraSettings.ConfigBranchKey] = "main",
        [InfraSettings.AppsPathKey] = "clusters/prod/apps",
        [InfraSettings.ReconcileIntervalMinutesKey] = 5,
        [InfraSettings.DeployerTimeoutSecondsKey] = "120",
    };

    public const string ClustersJson = """
        [
          {"name": "prod", "endpoint": "https://ABC.gr7.eu-west-1.eks.amazonaws.com", "caData": "LS0tLS1CRUdJTg==", "namespaces": ["shop", "payments"]},
          {"name": "platform", "endpoint": "https://DEF.gr7.eu-west-1.eks.amazonaws.com", "caData": "LS0tLS1CRUdJTg==", "clusterScope": true},
          {"name": "partner", "endpoint": "https://GHI.gr7.us-east-1.eks.amazonaws.com", "caData": "LS0tLS1CRUdJTg==", "region": "us-east-1",
           "roleArn": "arn:aws:iam::222222222222:role/serverless-deploy/partner-deployer", "namespaces": ["web"]}
        ]
        """;

    public StackFixture() : this(_ => { }) { }

    protected StackFixture(Action<Dictionary<string, object>> adjust)
    {
        var context = FullContext(Code);
        adjust(context);
        var app = new App(new AppProps { Context = context });
        Settings = InfraSettings.FromContext(app.Node);
        Stack = new DeployerStack(app, "TestDeployer", Settings, new StackProps { Env = new Amazon.CDK.Environment { Account = Account, Region = Region } });
        Template = Template.FromStack(Stack);
    }

    /// <summary>Every setting given, no VPC: the shape most tests assert on.</summary>
    public static Dictionary<string, object> FullContext(TestCode code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var context = ValidContext();
        context["@aws-cdk/core:enablePartitionLiterals"] = true;
        context[InfraSettings.FunctionsCodePathKey] = code.FunctionsFolder;
        context[InfraSettings.KubectlLayerZipKey] = code.LayerZip;
        context[InfraSettings.ClustersKey] = ClustersJson;
        context[InfraSettings.GitTokenParameterKey] = "/serverless-deploy/git-token";
        context[InfraSettings.GitHubHostsKey] = "github.example.com, GHE.Corp.Example";
        context[InfraSettings.ChatWebhookParametersKey] = "slack=/serverless-deploy/slack,teams=/serverless-deploy/teams";
        context[InfraSettings.EcrRepositoriesKey] = "shop/web,shop/api";
        context[InfraSettings.CommitAuthorNameKey] = "Release Bot";
        context[InfraSettings.CommitAuthorEmailKey] = "bot@example.com";
        context[InfraSettings.CommitMessageTemplateKey] = "chore: bump {app}";
        context[InfraSettings.AlarmTopicArnKey] = AlarmTopicArn;
        return context;
    }

    public TestCode Code { get; } = new();
    public InfraSettings Settings { get; }
    public DeployerStack Stack { get; }
    public Template Template { get; }

    public string LogicalId(string path)
    {
        Constructs.IConstruct construct = Stack;
        foreach (var part in path.Split('/'))
        {
            construct = construct.Node.FindChild(part);
        }
        return Stack.GetLogicalId(construct as CfnElement ?? (CfnElement)construct.Node.DefaultChild!);
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Code.Dispose();
        }
    }
}
