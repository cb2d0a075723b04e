using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.Events.Targets;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.SQS;
using Constructs;

namespace ServerlessDeploy.Infra;

/// <summary>
/// The deployer's queues, state and triggers: EventBridge rules (ECR push, CodeCommit reference change,
/// reconcile schedule) feed the intake queue; the router (later) moves matched work to the deploy FIFO queue,
/// one message group per application; DynamoDB holds status, history, image catalog and idempotency records.
/// </summary>
public sealed class DeployerStack : Stack
{
    /// <summary>Fixed message the reconcile schedule sends to the intake queue (the rule target input, byte for byte).</summary>
    public const string ReconcileMessage = """{"serverless-deploy":"reconcile"}""";

    public const int IntakeMaxReceiveCount = 5;
    public const int DeployMaxReceiveCount = 3;
    /// <summary>Visibility timeout of the intake queue: six times a 30 s router timeout.</summary>
    public const int IntakeVisibilityTimeoutSeconds = 180;

    public Queue IntakeQueue { get; }
    public Queue IntakeDeadLetterQueue { get; }
    public Queue DeployQueue { get; }
    public Queue DeployDeadLetterQueue { get; }
    public Table StateTable { get; }

    public DeployerStack(Construct scope, string id, InfraSettings settings, IStackProps? props = null)
        : base(scope, id, props)
    {
        ArgumentNullException.ThrowIfNull(settings);

        IntakeDeadLetterQueue = new Queue(this, "IntakeDeadLetterQueue", new QueueProps
        {
            Encryption = QueueEncryption.SQS_MANAGED,
            RetentionPeriod = Duration.Days(14),
        });
        IntakeQueue = new Queue(this, "IntakeQueue", new QueueProps
        {
            Encryption = QueueEncryption.SQS_MANAGED,
            RetentionPeriod = Duration.Days(4),
            VisibilityTimeout = Duration.Seconds(IntakeVisibilityTimeoutSeconds),
            DeadLetterQueue = new DeadLetterQueue { Queue = IntakeDeadLetterQueue, MaxReceiveCount = IntakeMaxReceiveCount },
        });

        DeployDeadLetterQueue = new Queue(this, "DeployDeadLetterQueue", new QueueProps
        {
            Fifo = true,
            ContentBasedDeduplication = false,
            Encryption = QueueEncryption.SQS_MANAGED,
            RetentionPeriod = Duration.Days(14),
        });
        DeployQueue = new Queue(this, "DeployQueue", new QueueProps
        {
            Fifo = true,
            // Deduplication ids come from the trigger (event id, commit, image digest), never from the body.
            ContentBasedDeduplication = false,
            Encryption = QueueEncryption.SQS_MANAGED,
            RetentionPeriod = Duration.Days(4),
            VisibilityTimeout = Duration.Seconds(settings.DeployVisibilityTimeoutSeconds),
            DeadLetterQueue = new DeadLetterQueue { Queue = DeployDeadLetterQueue, MaxReceiveCount = DeployMaxReceiveCount },
        });

        StateTable = new Table(this, "StateTable", new TableProps
        {
            PartitionKey = new Amazon.CDK.AWS.DynamoDB.Attribute { Name = "pk", Type = AttributeType.STRING },
            SortKey = new Amazon.CDK.AWS.DynamoDB.Attribute { Name = "sk", Type = AttributeType.STRING },
            BillingMode = BillingMode.PAY_PER_REQUEST,
            PointInTimeRecovery = true,
            TimeToLiveAttribute = "expiresAt",
            Encryption = TableEncryption.AWS_MANAGED,
            RemovalPolicy = RemovalPolicy.RETAIN,
        });

        var toIntake = new SqsQueue(IntakeQueue, new SqsQueueProps { DeadLetterQueue = IntakeDeadLetterQueue, RetryAttempts = 8 });

        new Rule(this, "EcrPushRule", new RuleProps
        {
            Description = "ECR image pushes to the deployer's intake queue",
            EventPattern = new EventPattern
            {
                Source = ["aws.ecr"],
                DetailType = ["ECR Image Action"],
                Detail = new Dictionary<string, object>
                {
                    ["action-type"] = new[] { "PUSH" },
                    ["result"] = new[] { "SUCCESS" },
                },
            },
            Targets = [toIntake],
        });

        new Rule(this, "CodeCommitReferenceRule", new RuleProps
        {
            Description = "CodeCommit branch and tag changes to the deployer's intake queue",
            EventPattern = new EventPattern
            {
                Source = ["aws.codecommit"],
                DetailType = ["CodeCommit Repository State Change"],
                Detail = new Dictionary<string, object>
                {
                    ["event"] = new[] { "referenceCreated", "referenceUpdated" },
                },
            },
            Targets = [toIntake],
        });

        new Rule(this, "ReconcileSchedule", new RuleProps
        {
            Description = $"Reconcile every {settings.ReconcileIntervalMinutes} minute(s)",
            Schedule = Schedule.Rate(Duration.Minutes(settings.ReconcileIntervalMinutes)),
            Targets =
            [
                new SqsQueue(IntakeQueue, new SqsQueueProps
                {
                    Message = RuleTargetInput.FromObject(new Dictionary<string, object> { ["serverless-deploy"] = "reconcile" }),
                    DeadLetterQueue = IntakeDeadLetterQueue,
                    RetryAttempts = 8,
                }),
            ],
        });

        foreach (var queue in new[] { IntakeQueue, IntakeDeadLetterQueue, DeployQueue, DeployDeadLetterQueue })
        {
            DenyInsecureTransport(queue);
        }

        DeadLetterAlarm("IntakeDeadLetterAlarm", IntakeDeadLetterQueue, "intake");
        DeadLetterAlarm("DeployDeadLetterAlarm", DeployDeadLetterQueue, "deploy");

        new CfnOutput(this, "IntakeQueueUrl", new CfnOutputProps { Value = IntakeQueue.QueueUrl });
        new CfnOutput(this, "IntakeDeadLetterQueueUrl", new CfnOutputProps { Value = IntakeDeadLetterQueue.QueueUrl });
        new CfnOutput(this, "DeployQueueUrl", new CfnOutputProps { Value = DeployQueue.QueueUrl });
        new CfnOutput(this, "DeployDeadLetterQueueUrl", new CfnOutputProps { Value = DeployDeadLetterQueue.QueueUrl });
        new CfnOutput(this, "StateTableName", new CfnOutputProps { Value = StateTable.TableName });
        new CfnOutput(this, "ConfigRepositoryUrl", new CfnOutputProps { Value = settings.ConfigRepositoryUrl.ToString() });
        new CfnOutput(this, "ConfigBranch", new CfnOutputProps { Value = settings.ConfigBranch });
        new CfnOutput(this, "AppsPath", new CfnOutputProps { Value = settings.AppsPath });
    }

    private static void DenyInsecureTransport(Queue queue) =>
        queue.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "DenyInsecureTransport",
            Effect = Effect.DENY,
            Principals = [new AnyPrincipal()],
            Actions = ["sqs:*"],
            Resources = [queue.QueueArn],
            Conditions = new Dictionary<string, object>
            {
                ["Bool"] = new Dictionary<string, object> { ["aws:SecureTransport"] = "false" },
            },
        }));

    private void DeadLetterAlarm(string id, Queue deadLetterQueue, string name) =>
        new Alarm(this, id, new AlarmProps
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
        });
}
