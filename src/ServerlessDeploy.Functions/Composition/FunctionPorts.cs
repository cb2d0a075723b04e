using ServerlessDeploy.Functions.Hosting;
using ServerlessDeploy.Functions.Settings;
using ServerlessDeploy.Functions.Sqs;
using ServerlessDeploy.Functions.Webhook;
using ServerlessDeploy.Lambda.Runtime;
using ServerlessDeploy.Lambda.Runtime.Batches;
using ServerlessDeploy.Pipeline.Queues;

namespace ServerlessDeploy.Functions.Composition;

/// <summary>The outside systems and pipeline stages the handlers are built from, each made from the settings on demand
/// so a function only creates what its handler uses. A stage that is null is not wired into this build.</summary>
internal sealed record FunctionPorts(
    Func<FunctionSettings, IWebhookSecret> WebhookSecret,
    Func<FunctionSettings, IQueueSender> IntakeQueue,
    Func<FunctionSettings, IFailureRecorder?> FailureRecorder,
    Func<FunctionSettings, QueueStages>? Router = null,
    Func<FunctionSettings, QueueStages>? Deployer = null,
    Func<FunctionSettings, JsonLog, IFunctionHandler>? CodePipeline = null);
