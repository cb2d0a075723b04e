using Amazon.CDK;
using ServerlessDeploy.Infra;
using ServerlessDeploy.Infra.Settings;

try
{
    var app = new App();
    var settings = InfraSettings.FromContext(app.Node);
    StackSet.AddTo(app, settings,
        app.Node.TryGetContext(InfraSettings.CompanionForKey) as string,
        app.Node.TryGetContext(InfraSettings.ExamplePipelineAppKey) as string);
    app.Synth();
    return 0;
}
catch (InfraSettingsException e)
{
    await Console.Error.WriteLineAsync($"ServerlessDeploy.Infra: {e.Message}").ConfigureAwait(false);
    return 1;
}
