using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using ServerlessDeploy.Infra.Settings;

namespace ServerlessDeploy.Infra.Deployer;

/// <summary>
/// What each function may do beyond reading its own queue (the event source grants that) and writing its logs.
/// Every statement names its resources.
/// </summary>
public static class FunctionPermissions
{
    public static void ForWebhook(Stack stack, InfraSettings settings, DeployerFunction webhook, DeployerQueues queues)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(webhook);
        ArgumentNullException.ThrowIfNull(queues);
        queues.Intake.GrantSendMessages(webhook.Role);
        ReadParameters(stack, webhook, [settings.WebhookSecretParameter]);
    }

    public static void ForRouter(Stack stack, InfraSettings settings, DeployerFunction router, DeployerQueues queues, StateTable state)
    {
        ArgumentNullException.ThrowIfNull(router);
        ArgumentNullException.ThrowIfNull(queues);
        ArgumentNullException.ThrowIfNull(state);
        queues.Deploy.GrantSendMessages(router.Role);
        state.GrantStore(router.Role);
        ReadRepositories(stack, settings, router);
        DescribeImages(stack, settings, router);
    }

    public static void ForDeployer(Stack stack, InfraSettings settings, DeployerFunction deployer, StateTable state)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(deployer);
        ArgumentNullException.ThrowIfNull(state);
        state.GrantStore(deployer.Role);
        ReadRepositories(stack, settings, deployer);
        DescribeImages(stack, settings, deployer);
        ReadParameters(stack, deployer, settings.ChatWebhooks.Select(w => w.ParameterName).ToArray());
        Allow(deployer, ["events:PutEvents"], [ResourceArns.EventBus(stack, settings.EventBusName)]);
        Allow(deployer, ["eks:DescribeCluster"],
            settings.Clusters.Where(c => !c.InOtherAccount).Select(c => ResourceArns.EksCluster(stack, c)).ToArray());
        Allow(deployer, ["sts:AssumeRole"], settings.Clusters.Select(c => c.RoleArn).OfType<string>().Distinct().ToArray());
        Allow(deployer, PipelineJobResultActions, ["*"]);
    }

    /// <summary>
    /// How the deployer books a wake-up (reading the wake-up queue comes with its event source): a delayed message for a
    /// short wait; for a long one, a one-time schedule in the stack's group only, run as the Scheduler role only.
    /// </summary>
    public static void ForWakeUps(DeployerFunction deployer, DeployerQueues queues, WakeUpSchedules wakeUps)
    {
        ArgumentNullException.ThrowIfNull(deployer);
        ArgumentNullException.ThrowIfNull(queues);
        ArgumentNullException.ThrowIfNull(wakeUps);
        Allow(deployer, ["sqs:SendMessage"], [queues.WakeUp.QueueArn]);
        Allow(deployer, WakeUpSchedules.ScheduleActions, [wakeUps.ScheduleArns]);
        deployer.Role.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Actions = ["iam:PassRole"],
            Resources = [wakeUps.SchedulerRole.RoleArn],
            Conditions = new Dictionary<string, object>
            {
                ["StringEquals"] = new Dictionary<string, object> { ["iam:PassedToService"] = "scheduler.amazonaws.com" },
            },
        }));
    }

    /// <summary>
    /// How the deployer, invoked as a pipeline action, reports the job. CodePipeline accepts only "*" for these
    /// actions: a job is not a resource with an ARN.
    /// </summary>
    public static readonly string[] PipelineJobResultActions = ["codepipeline:PutJobSuccessResult", "codepipeline:PutJobFailureResult"];

    // The watched CodeCommit repositories are the ones the router resolves pushes in and the deployer checks out; with
    // "*" their names are unknown, so only the config repository is named.
    private static void ReadRepositories(Stack stack, InfraSettings settings, DeployerFunction function)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.ConfigRepository.TokenParameter is { } token)
        {
            ReadParameters(stack, function, [token]);
        }
        IEnumerable<string> pulled = settings.CodeCommit.All
            ? settings.ConfigRepository.CodeCommitName is { } name ? [name] : []
            : settings.CodeCommit.Repositories;
        Allow(function, ["codecommit:GitPull"], pulled.Select(r => ResourceArns.CodeCommitRepository(stack, r)).ToArray());
    }

    private static void DescribeImages(Stack stack, InfraSettings settings, DeployerFunction function) =>
        Allow(function, ["ecr:DescribeImages"], settings.WatchesAllEcrRepositories
            ? [ResourceArns.EcrRepository(stack, "*")]
            : settings.EcrRepositories.Select(r => ResourceArns.EcrRepository(stack, r)).ToArray());

    private static void ReadParameters(Stack stack, DeployerFunction function, string[] names) =>
        Allow(function, ["ssm:GetParameter"], names.Select(n => ResourceArns.Parameter(stack, n)).ToArray());

    private static void Allow(DeployerFunction function, string[] actions, string[] resources)
    {
        if (resources.Length == 0)
        {
            return;
        }
        function.Role.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Actions = actions,
            Resources = resources,
        }));
    }
}
