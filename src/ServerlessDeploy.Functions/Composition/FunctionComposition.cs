using ServerlessDeploy.Functions.Hosting;
using ServerlessDeploy.Functions.Local;
using ServerlessDeploy.Functions.Settings;
using ServerlessDeploy.Functions.Sqs;
using ServerlessDeploy.Functions.Webhook;
using ServerlessDeploy.Lambda.Runtime;
using ServerlessDeploy.Lambda.Runtime.Batches;

namespace ServerlessDeploy.Functions.Composition;

/// <summary>The one place the functions are wired: which ports the deployed binary uses, and which handler each
/// <c>_HANDLER</c> value gets. The AWS adapters (SQS sender, SSM secret, state store), the router and the deployer
/// are added here.</summary>
internal static class FunctionComposition
{
    private const string FileScheme = "file://";

    /// <summary>The ports of the deployed binary. Today only <c>file://</c> queues and secrets (local runs, the
    /// cold-start bench); an SQS URL or SSM parameter name stops the function at init until the AWS adapters are wired.</summary>
    public static FunctionPorts Production() => new(
        WebhookSecret: settings => new FileWebhookSecret(
            LocalPath(settings.WebhookSecretParameter, FunctionSettingsReader.WebhookSecretParameter, "the SSM SecureString reader")),
        IntakeQueue: settings => new FileQueueSender(
            LocalPath(settings.IntakeQueueUrl, FunctionSettingsReader.IntakeQueueUrl, "the SQS sender")),
        FailureRecorder: _ => null);

    public static IFunctionHandler Compose(FunctionSettings settings, FunctionPorts ports, JsonLog log)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(ports);
        return settings.Handler switch
        {
            HandlerName.Webhook => new WebhookFunction(ports.WebhookSecret(settings), ports.IntakeQueue(settings), log),
            HandlerName.Router => QueueFed(settings, ports.Router, ports, log),
            HandlerName.Deployer => QueueFed(settings, ports.Deployer, ports, log),
            HandlerName.CodePipeline => ports.CodePipeline?.Invoke(settings, log)
                ?? throw new FunctionSettingsException("The codepipeline handler is not wired into this build yet."),
            _ => throw new FunctionSettingsException($"No handler is wired for {settings.Handler}."),
        };
    }

    private static SqsFunction QueueFed(
        FunctionSettings settings, Func<FunctionSettings, ISqsRecordHandler>? stage, FunctionPorts ports, JsonLog log)
    {
        var name = FunctionSettingsReader.Display(settings.Handler);
        var handler = stage?.Invoke(settings)
            ?? throw new FunctionSettingsException($"The {name} handler is not wired into this build yet.");
        return new SqsFunction(handler, new SqsBatchProcessor(log, ports.FailureRecorder(settings)));
    }

    private static string LocalPath(string value, string variable, string missingAdapter) =>
        value.StartsWith(FileScheme, StringComparison.Ordinal)
            ? value[FileScheme.Length..]
            : throw new FunctionSettingsException(
                $"{variable} is '{value}', but this build only wires file:// values; {missingAdapter} is not wired yet.");
}
