using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.CloudWatch.Actions;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.SQS;
using Constructs;

namespace ServerlessDeploy.Infra.Deployer;

/// <summary>Alarms on dead-letter queue depth and on each function's errors, notifying the optional SNS topic.</summary>
public sealed class DeployerAlarms : Construct
{
    private readonly SnsAction? _action;

    public DeployerAlarms(Construct scope, string id, DeployerQueues queues, DeployerFunctions functions, string? topicArn)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(queues);
        ArgumentNullException.ThrowIfNull(functions);
        _action = topicArn is null ? null : new SnsAction(Topic.FromTopicArn(this, "AlarmTopic", topicArn));
        DeadLetterAlarm("IntakeDeadLetterAlarm", queues.IntakeDeadLetter, "intake");
        DeadLetterAlarm("DeployDeadLetterAlarm", queues.DeployDeadLetter, "deploy");
        DeadLetterAlarm("WakeUpDeadLetterAlarm", queues.WakeUpDeadLetter, "wake-up");
        foreach (var (name, function) in new[] { ("Webhook", functions.Webhook), ("Router", functions.Router), ("Deployer", functions.Deployer), ("PipelineAction", functions.PipelineAction) })
        {
            Notify(new Alarm(this, $"{name}ErrorsAlarm", new AlarmProps
            {
                AlarmDescription = $"The {name.ToLowerInvariant()} function failed (errors, timeouts or crashes)",
                Metric = function.Function.MetricErrors(new MetricOptions { Period = Duration.Minutes(5), Statistic = "Sum" }),
                Threshold = 1,
                EvaluationPeriods = 1,
                ComparisonOperator = ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
                TreatMissingData = TreatMissingData.NOT_BREACHING,
            }));
        }
    }

    private void DeadLetterAlarm(string id, Queue deadLetterQueue, string name) =>
        Notify(new Alarm(this, id, new AlarmProps
        {
            AlarmDescription = $"Messages in the {name} dead-letter queue: events that could not be processed",
            Metric = deadLetterQueue.MetricApproximateNumberOfMessagesVisible(new MetricOptions
            {
                Period = Duration.Minutes(1),
                Statistic = "Maximum",
            }),
            Threshold = 1,
            EvaluationPeriods = 1,
            ComparisonOperator = ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
            TreatMissingData = TreatMissingData.NOT_BREACHING,
        }));

    private void Notify(Alarm alarm)
    {
        if (_action is not null)
        {
            alarm.AddAlarmAction(_action);
        }
    }
}
