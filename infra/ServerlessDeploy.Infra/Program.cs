using Amazon.CDK;
using ServerlessDeploy.Infra;

try
{
    var app = new App();
    var settings = InfraSettings.FromContext(app.Node);
    _ = new DeployerStack(app, "ServerlessDeploy", settings, new StackProps
    {
        Description = "ServerlessDeploy: GitOps deployer for EKS (queues, state, triggers)",
    });
    app.Synth();
    return 0;
}
catch (InfraSettingsException e)
{
    await Console.Error.WriteLineAsync($"ServerlessDeploy.Infra: {e.Message}").ConfigureAwait(false);
    return 1;
}
