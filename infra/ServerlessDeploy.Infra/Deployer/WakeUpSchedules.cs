using System.Security.Cryptography;
using System.Text;
using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Scheduler;
using Constructs;

namespace ServerlessDeploy.Infra.Deployer;

/// <summary>
/// Where long waits are booked: the stack's own EventBridge Scheduler schedule group, which holds the deployer's
/// one-time schedules (and deletes whatever is left in it with the stack), and the role Scheduler assumes to deliver a
/// wake-up, which may send to the wake-up queue and nothing else, and only for schedules of this account's group.
/// </summary>
public sealed class WakeUpSchedules : Construct
{
    /// <summary>What the deployer may do in the group: book a wake-up, and take back one a newer deployment superseded.</summary>
    public static readonly string[] ScheduleActions = ["scheduler:CreateSchedule", "scheduler:DeleteSchedule"];

    /// <summary>Scheduler's limit on a schedule group's name (of [0-9a-zA-Z-_.]).</summary>
    public const int MaxGroupNameLength = 64;

    public const string GroupNameSuffix = "-wake-ups";

    public string GroupName { get; }

    /// <summary>The ARN of every schedule in the group (<c>schedule/&lt;group&gt;/*</c>), and of no other.</summary>
    public string ScheduleArns { get; }

    public CfnScheduleGroup Group { get; }
    public Role SchedulerRole { get; }

    public WakeUpSchedules(Construct scope, string id, DeployerQueues queues) : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(queues);
        var stack = Stack.Of(this);
        GroupName = GroupNameFor(stack.StackName);
        ScheduleArns = Arn(stack, "schedule", $"{GroupName}/*");
        Group = new CfnScheduleGroup(this, "Group", new CfnScheduleGroupProps { Name = GroupName });
        SchedulerRole = new Role(this, "SchedulerRole", new RoleProps
        {
            // Scheduler assumes it only for a schedule of this group in this account (confused-deputy guard).
            AssumedBy = new ServicePrincipal("scheduler.amazonaws.com").WithConditions(new Dictionary<string, object>
            {
                ["StringEquals"] = new Dictionary<string, object>
                {
                    ["aws:SourceAccount"] = stack.Account,
                    ["aws:SourceArn"] = Arn(stack, "schedule-group", GroupName),
                },
            }),
            Description = "Lets the deployer's one-time schedules send their wake-up to the wake-up queue, and nothing else",
        });
        SchedulerRole.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Actions = ["sqs:SendMessage"],
            Resources = [queues.WakeUp.QueueArn],
        }));
    }

    /// <summary>
    /// The stack's name with <see cref="GroupNameSuffix"/>; a stack name too long for that keeps its start and gains a
    /// hash of the whole, so two long stack names never share a group.
    /// </summary>
    public static string GroupNameFor(string stackName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stackName);
        var name = stackName + GroupNameSuffix;
        if (name.Length <= MaxGroupNameLength)
        {
            return name;
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(stackName)))[..8];
        return $"{stackName[..(MaxGroupNameLength - GroupNameSuffix.Length - hash.Length - 1)]}-{hash}{GroupNameSuffix}";
    }

    private static string Arn(Stack stack, string resource, string name) => stack.FormatArn(new ArnComponents
    {
        Service = "scheduler",
        Resource = resource,
        ResourceName = name,
        ArnFormat = ArnFormat.SLASH_RESOURCE_NAME,
    });
}
