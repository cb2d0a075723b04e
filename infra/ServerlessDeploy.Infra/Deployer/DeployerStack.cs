using Amazon.CDK;
using Constructs;
using ServerlessDeploy.Infra.Bundling;
using ServerlessDeploy.Infra.Settings;

namespace ServerlessDeploy.Infra.Deployer;

/// <summary>
/// The whole deployer: triggers feed the intake queue; the router moves matched work to the deploy FIFO queue (one
/// message group per application); the deployer syncs to the clusters, whose access entries this stack creates, and a
/// sync that must wait is woken through the wake-up queue (directly, or by a one-time schedule in the stack's schedule
/// group); DynamoDB holds status, history, cursors, image catalog and idempotency records; an S3 bucket holds the
/// deployer's render cache. The functions' code and layer are the prebuilt ones the settings name, or built from the
/// checkout when they name none.
/// </summary>
public sealed class DeployerStack : Stack
{
    public DeployerQueues Queues { get; }
    public StateTable State { get; }
    public WakeUpSchedules WakeUps { get; }
    public DeployerFunctions Functions { get; }
    public RenderCache RenderCache { get; }

    public DeployerStack(Construct scope, string id, InfraSettings settings, IStackProps? props = null, Checkout? checkout = null)
        : base(scope, id, props)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Queues = new DeployerQueues(this, "Queues", settings);
        State = new StateTable(this, "State");
        WakeUps = new WakeUpSchedules(this, "WakeUps", Queues);
        Functions = new DeployerFunctions(this, "Functions", settings, Queues, State, WakeUps, checkout);
        RenderCache = new RenderCache(this, "RenderCache", Functions.Deployer);
        new Triggers(this, "Triggers", settings, Queues);
        new ClusterAccess(this, "ClusterAccess", settings.Clusters, Functions.Deployer.Role);
        if (settings.Vpc is { } vpc)
        {
            new NetworkAccess(this, "Network", vpc, Functions.All);
        }
        new DeployerAlarms(this, "Alarms", Queues, Functions, settings.AlarmTopicArn);
        AddOutputs(settings);
    }

    private void AddOutputs(InfraSettings settings)
    {
        Output("WebhookUrl", Functions.WebhookUrl.Url);
        Output("IntakeQueueUrl", Queues.Intake.QueueUrl);
        Output("IntakeDeadLetterQueueUrl", Queues.IntakeDeadLetter.QueueUrl);
        Output("DeployQueueUrl", Queues.Deploy.QueueUrl);
        Output("DeployDeadLetterQueueUrl", Queues.DeployDeadLetter.QueueUrl);
        Output("WakeUpQueueUrl", Queues.WakeUp.QueueUrl);
        Output("WakeUpDeadLetterQueueUrl", Queues.WakeUpDeadLetter.QueueUrl);
        Output("ScheduleGroupName", WakeUps.GroupName);
        Output("StateTableName", State.Table.TableName);
        Output("RenderCacheBucketName", RenderCache.Bucket.BucketName);
        Output("DeployerRoleArn", Functions.Deployer.Role.RoleArn);
        Output("DeployerFunctionArn", Functions.Deployer.Function.FunctionArn);
        Output("PipelineActionFunctionArn", Functions.PipelineAction.Function.FunctionArn);
        Output("ConfigRepositoryUrl", settings.ConfigRepository.CloneUrl(Region));
        Output("ConfigBranch", settings.ConfigBranch);
        Output("AppsPath", settings.AppsPath);
    }

    private void Output(string id, string value) => new CfnOutput(this, id, new CfnOutputProps { Value = value });
}
