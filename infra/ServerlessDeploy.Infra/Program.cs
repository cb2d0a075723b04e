using Amazon.CDK;
using ServerlessDeploy.Infra;
using ServerlessDeploy.Infra.Bundling;
using ServerlessDeploy.Infra.Settings;

// cdk.json runs this app in the checkout's root; the functions and the layer are built from there unless set.
// `publish-functions <folder>` (tools/publish-functions.sh) publishes the functions the same way, into that folder.
var checkout = new Checkout(Directory.GetCurrentDirectory(), new ProcessRunner(), Console.Error, TimeProvider.System);
try
{
    if (args is ["publish-functions", var output])
    {
        checkout.PublishFunctions(output);
        return 0;
    }
    var app = new App();
    var settings = InfraSettings.FromContext(app.Node);
    StackSet.AddTo(app, settings,
        app.Node.TryGetContext(InfraSettings.CompanionForKey) as string,
        app.Node.TryGetContext(InfraSettings.ExamplePipelineAppKey) as string,
        checkout);
    app.Synth();
    return 0;
}
catch (Exception e) when (e is InfraSettingsException or BundlingException)
{
    return await Fail(e);
}
catch (Exception) when (checkout.BundlingFailure is { } failure)
{
    // CDK wraps a bundling failure in its own error with a JavaScript stack; the plain one says it all.
    return await Fail(failure);
}

static async Task<int> Fail(Exception e)
{
    await Console.Error.WriteLineAsync($"ServerlessDeploy.Infra: {e.Message}");
    return 1;
}
