using ServerlessDeploy.Aws.State;
using ServerlessDeploy.Functions.Hosting;
using ServerlessDeploy.Functions.Local;
using ServerlessDeploy.Functions.Settings;
using ServerlessDeploy.Functions.Sqs;
using ServerlessDeploy.Functions.Webhook;
using ServerlessDeploy.Lambda.Runtime;

namespace ServerlessDeploy.Functions.Composition;

/// <summary>The one place the functions are wired: which ports the deployed binary uses, and which handler each
/// <c>_HANDLER</c> value gets.</summary>
internal static class FunctionComposition
{
    /// <summary>How long a chat webhook or EventBridge call may take before the notice counts as failed.</summary>
    private static readonly TimeSpan NotifyTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The ports of the deployed binary: SQS, SSM, DynamoDB, EventBridge and EKS in AWS; a <c>file://</c>
    /// queue URL or secret parameter is a local file instead (local runs, the cold-start bench). Building them
    /// contacts nothing; the first use does.</summary>
    public static FunctionPorts Production()
    {
        AwsClients? clients = null;
        AwsClients Aws(FunctionSettings settings) => clients ??= new AwsClients(
            settings.Region ?? throw new FunctionSettingsException($"{FunctionSettingsReader.Region} is not set; it names the region of the AWS services."));
        // One client for the process's life, without request logging (chat webhook URLs are secrets).
        var http = new HttpClient { Timeout = NotifyTimeout };
        return new(
            WebhookSecret: settings => WebhookSecret(settings, Aws),
            IntakeQueue: settings => PipelineStages.Queue(settings.IntakeQueueUrl, () => Aws(settings)),
            FailureRecorder: settings => new StateFailureRecorder(new DynamoStateStore(Aws(settings).Dynamo, settings.TableName), TimeProvider.System),
            Router: settings => PipelineStages.Router(settings, Aws(settings)),
            Deployer: settings => PipelineStages.Deployer(settings, Aws(settings), http),
            CodePipeline: (settings, log) => PipelineStages.CodePipeline(settings, Aws(settings), http, log));
    }

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

    private static QueueFunction QueueFed(
        FunctionSettings settings, Func<FunctionSettings, QueueStages>? stages, FunctionPorts ports, JsonLog log)
    {
        var name = FunctionSettingsReader.Display(settings.Handler);
        var wired = stages?.Invoke(settings)
            ?? throw new FunctionSettingsException($"The {name} handler is not wired into this build yet.");
        return new QueueFunction(name, wired, log, ports.FailureRecorder(settings));
    }

    private static IWebhookSecret WebhookSecret(FunctionSettings settings, Func<FunctionSettings, AwsClients> aws)
    {
        var parameter = settings.WebhookSecretParameter;
        return FunctionSettingsReader.IsFile(parameter)
            ? new FileWebhookSecret(parameter[FunctionSettingsReader.FileScheme.Length..])
            : new SsmWebhookSecret(PipelineStages.Secret(aws(settings), parameter));
    }
}
