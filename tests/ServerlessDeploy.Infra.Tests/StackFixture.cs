using Amazon.CDK;
using Amazon.CDK.Assertions;
using ServerlessDeploy.Infra;

namespace ServerlessDeploy.Infra.Tests;

/// <summary>Synthesizes the stack once per test class (jsii starts a Node process; synthesis takes seconds).</summary>
public sealed class StackFixture
{
    public static Dictionary<string, object> ValidContext() => new()
    {
        [InfraSettings.ConfigRepositoryUrlKey] = "https://git-codecommit.eu-west-1.amazonaws.com/v1/repos/gitops-config",
        [InfraSettings.ConfigBranchKey] = "main",
        [InfraSettings.AppsPathKey] = "clusters/prod/apps",
        [InfraSettings.ReconcileIntervalMinutesKey] = 5,
        [InfraSettings.DeployerTimeoutSecondsKey] = "120",
    };

    public StackFixture()
    {
        var app = new App(new AppProps { Context = ValidContext() });
        Settings = InfraSettings.FromContext(app.Node);
        Stack = new DeployerStack(app, "TestDeployer", Settings);
        Template = Template.FromStack(Stack);
    }

    public InfraSettings Settings { get; }
    public DeployerStack Stack { get; }
    public Template Template { get; }
}
