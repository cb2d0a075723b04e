using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.Events.Targets;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Scheduler;
using Constructs;
using ServerlessDeploy.Infra.Settings;

namespace ServerlessDeploy.Infra.Deployer;

/// <summary>
/// Everything that puts work on the intake queue from AWS: EventBridge rules for ECR pushes and CodeCommit reference
/// changes (of the watched repositories; no rule when none is), and an EventBridge Scheduler schedule for the reconcile tick.
/// </summary>
public sealed class Triggers : Construct
{
    /// <summary>The reconcile tick, byte for byte; Scheduler fills in the scheduled time.</summary>
    public const string ReconcileMessage = """{"serverless-deploy":"reconcile","time":"<aws.scheduler.scheduled-time>"}""";

    public Triggers(Construct scope, string id, InfraSettings settings, DeployerQueues queues) : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(queues);
        var toIntake = new SqsQueue(queues.Intake, new SqsQueueProps { DeadLetterQueue = queues.IntakeDeadLetter, RetryAttempts = 8 });
        var ecrDetail = new Dictionary<string, object>
        {
            ["action-type"] = new[] { "PUSH" },
            ["result"] = new[] { "SUCCESS" },
        };
        if (!settings.WatchesAllEcrRepositories)
        {
            ecrDetail["repository-name"] = settings.EcrRepositories.ToArray();
        }
        new Rule(this, "EcrPushRule", new RuleProps
        {
            Description = "ECR image pushes to the deployer's intake queue",
            EventPattern = new EventPattern { Source = ["aws.ecr"], DetailType = ["ECR Image Action"], Detail = ecrDetail },
            Targets = [toIntake],
        });
        if (!settings.CodeCommit.None)
        {
            CodeCommitRule(settings.CodeCommit, toIntake);
        }
        ReconcileSchedule(settings.ReconcileIntervalMinutes, queues);
    }

    // Filtered by repository so that pushes to the account's other repositories never reach (and bill) the router.
    private void CodeCommitRule(CodeCommitWatch watch, SqsQueue toIntake)
    {
        var detail = new Dictionary<string, object> { ["event"] = new[] { "referenceCreated", "referenceUpdated" } };
        if (!watch.All)
        {
            detail["repositoryName"] = watch.Repositories.ToArray();
        }
        new Rule(this, "CodeCommitReferenceRule", new RuleProps
        {
            Description = "CodeCommit branch and tag changes of the watched repositories to the deployer's intake queue",
            EventPattern = new EventPattern
            {
                Source = ["aws.codecommit"],
                DetailType = ["CodeCommit Repository State Change"],
                Detail = detail,
            },
            Targets = [toIntake],
        });
    }

    private void ReconcileSchedule(int minutes, DeployerQueues queues)
    {
        var role = new Role(this, "ReconcileScheduleRole", new RoleProps
        {
            AssumedBy = new ServicePrincipal("scheduler.amazonaws.com"),
            Description = "Lets the reconcile schedule send its tick to the intake queue, and nothing else",
        });
        role.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Actions = ["sqs:SendMessage"],
            Resources = [queues.Intake.QueueArn],
        }));
        new CfnSchedule(this, "ReconcileSchedule", new CfnScheduleProps
        {
            Description = $"Reconcile every {minutes} minute(s)",
            ScheduleExpression = $"rate({minutes} {(minutes == 1 ? "minute" : "minutes")})",
            FlexibleTimeWindow = new CfnSchedule.FlexibleTimeWindowProperty { Mode = "OFF" },
            Target = new CfnSchedule.TargetProperty
            {
                Arn = queues.Intake.QueueArn,
                RoleArn = role.RoleArn,
                Input = ReconcileMessage,
                RetryPolicy = new CfnSchedule.RetryPolicyProperty { MaximumRetryAttempts = 8, MaximumEventAgeInSeconds = minutes * 60 },
            },
        });
    }
}
