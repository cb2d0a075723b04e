using ServerlessDeploy.Functions.Composition;
using ServerlessDeploy.Functions.Settings;
using ServerlessDeploy.Lambda.Runtime;

namespace ServerlessDeploy.Functions.Hosting;

/// <summary>Start-up and the invocation loop: settings, then the handler, then invocations until stopped.
/// A failure before the first invocation is reported as an init error and ends the process.</summary>
internal static class FunctionHost
{
    public static async Task<int> RunAsync(
        IRuntimeEnvironment environment, FunctionPorts ports, JsonLog log, HttpClient http, CancellationToken cancellationToken)
    {
        var client = new RuntimeApiClient(http, environment);
        IFunctionHandler handler;
        try
        {
            var settings = FunctionSettingsReader.Read(environment);
            handler = FunctionComposition.Compose(settings, ports, log);
        }
#pragma warning disable CA1031 // Whatever stops start-up is reported to Lambda as the init error.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            try
            {
                await new LambdaBootstrap(client, NotStarted, log).ReportInitErrorAsync(exception, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Stopped while the report was under way (a local run or a test ending): start-up failed either way.
            }

            return 1;
        }

        await new LambdaBootstrap(client, handler.HandleAsync, log).RunAsync(cancellationToken);
        return 0;
    }

    private static Task<byte[]> NotStarted(Invocation invocation, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("The function did not start; no invocation is handled.");
}
