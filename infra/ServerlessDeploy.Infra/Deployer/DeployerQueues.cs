using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.SQS;
using Constructs;
using ServerlessDeploy.Infra.Settings;

namespace ServerlessDeploy.Infra.Deployer;

/// <summary>
/// The intake queue (every trigger lands here; the router reads it), the deploy FIFO queue (one message group per
/// application; the deployer reads it) and the wake-up queue (a standard queue, since SQS message timers are per-message
/// delays, which FIFO queues refuse: a waiting sync's wake-up, booked by the deployer for short waits and by EventBridge
/// Scheduler for long ones; the deployer reads it), each with an encrypted dead-letter queue, redrive and TLS-only access.
/// </summary>
public sealed class DeployerQueues : Construct
{
    public const int IntakeMaxReceiveCount = 5;

    public Queue Intake { get; }
    public Queue IntakeDeadLetter { get; }
    public Queue Deploy { get; }
    public Queue DeployDeadLetter { get; }
    public Queue WakeUp { get; }
    public Queue WakeUpDeadLetter { get; }

    public DeployerQueues(Construct scope, string id, InfraSettings settings) : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(settings);
        IntakeDeadLetter = new Queue(this, "IntakeDeadLetterQueue", new QueueProps
        {
            Encryption = QueueEncryption.SQS_MANAGED,
            RetentionPeriod = Duration.Days(14),
        });
        Intake = new Queue(this, "IntakeQueue", new QueueProps
        {
            Encryption = QueueEncryption.SQS_MANAGED,
            RetentionPeriod = Duration.Days(4),
            VisibilityTimeout = Duration.Seconds(settings.IntakeVisibilityTimeoutSeconds),
            DeadLetterQueue = new DeadLetterQueue { Queue = IntakeDeadLetter, MaxReceiveCount = IntakeMaxReceiveCount },
        });
        DeployDeadLetter = new Queue(this, "DeployDeadLetterQueue", new QueueProps
        {
            Fifo = true,
            ContentBasedDeduplication = false,
            Encryption = QueueEncryption.SQS_MANAGED,
            RetentionPeriod = Duration.Days(14),
        });
        Deploy = new Queue(this, "DeployQueue", new QueueProps
        {
            Fifo = true,
            // Deduplication ids come from the trigger (event id, commit, image digest), never from the body.
            ContentBasedDeduplication = false,
            Encryption = QueueEncryption.SQS_MANAGED,
            RetentionPeriod = Duration.Days(4),
            VisibilityTimeout = Duration.Seconds(settings.DeployVisibilityTimeoutSeconds),
            // Each receive is one deployer run of at most its timeout; the count bounds how long one rollout may take.
            DeadLetterQueue = new DeadLetterQueue { Queue = DeployDeadLetter, MaxReceiveCount = settings.DeployMaxReceiveCount },
        });
        WakeUpDeadLetter = new Queue(this, "WakeUpDeadLetterQueue", new QueueProps
        {
            Encryption = QueueEncryption.SQS_MANAGED,
            RetentionPeriod = Duration.Days(14),
        });
        WakeUp = new Queue(this, "WakeUpQueue", new QueueProps
        {
            Encryption = QueueEncryption.SQS_MANAGED,
            RetentionPeriod = Duration.Days(4),
            // The deployer consumes it as it consumes the deploy queue: one run of at most its timeout per receive.
            VisibilityTimeout = Duration.Seconds(settings.DeployVisibilityTimeoutSeconds),
            DeadLetterQueue = new DeadLetterQueue { Queue = WakeUpDeadLetter, MaxReceiveCount = settings.DeployMaxReceiveCount },
        });
        foreach (var queue in new[] { Intake, IntakeDeadLetter, Deploy, DeployDeadLetter, WakeUp, WakeUpDeadLetter })
        {
            DenyInsecureTransport(queue);
        }
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
}
