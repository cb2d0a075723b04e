using Amazon.CDK;
using ServerlessDeploy.Infra.Settings;

namespace ServerlessDeploy.Infra.Deployer;

/// <summary>The environment every handler reads (ServerlessDeploy.Functions' settings reader names the same variables).</summary>
public static class FunctionEnvironment
{
    public static Dictionary<string, string> Build(Stack stack, InfraSettings settings, DeployerQueues queues, StateTable state)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(queues);
        ArgumentNullException.ThrowIfNull(state);
        var environment = new Dictionary<string, string>
        {
            ["INTAKE_QUEUE_URL"] = queues.Intake.QueueUrl,
            ["DEPLOY_QUEUE_URL"] = queues.Deploy.QueueUrl,
            ["TABLE_NAME"] = state.Table.TableName,
            ["WEBHOOK_SECRET_PARAMETER"] = settings.WebhookSecretParameter,
            ["CONFIG_REPO_URL"] = settings.ConfigRepository.CloneUrl(stack.Region),
            ["CONFIG_BRANCH"] = settings.ConfigBranch,
            ["APPS_PATH"] = settings.AppsPath,
            ["CLUSTERS"] = stack.ToJsonString(settings.Clusters.Select(c => ClusterEntry(stack, c)).ToArray()),
            ["EVENT_BUS_NAME"] = settings.EventBusName,
        };
        if (settings.ConfigRepository.TokenParameter is { } token)
        {
            environment["GIT_TOKEN_PARAMETER"] = token;
        }
        if (settings.ConfigRepository.GitHubHosts.Count > 0)
        {
            environment["GITHUB_HOSTS"] = string.Join(",", settings.ConfigRepository.GitHubHosts);
        }
        if (settings.ChatWebhooks.Count > 0)
        {
            environment["CHAT_WEBHOOK_PARAMETERS"] = string.Join(",", settings.ChatWebhooks);
        }
        foreach (var (name, value) in new[] { ("GIT_COMMIT_AUTHOR_NAME", settings.CommitSettings.Name), ("GIT_COMMIT_AUTHOR_EMAIL", settings.CommitSettings.Email), ("GIT_COMMIT_MESSAGE_TEMPLATE", settings.CommitSettings.Template) })
        {
            if (value is not null)
            {
                environment[name] = value;
            }
        }
        return environment;
    }

    /// <summary>What the deployer alone reads to book a wake-up: the queue (short waits), and the group and role of its schedules (long waits).</summary>
    public static Dictionary<string, string> WakeUps(DeployerQueues queues, WakeUpSchedules wakeUps)
    {
        ArgumentNullException.ThrowIfNull(queues);
        ArgumentNullException.ThrowIfNull(wakeUps);
        return new Dictionary<string, string>
        {
            ["WAKEUP_QUEUE_URL"] = queues.WakeUp.QueueUrl,
            ["WAKEUP_QUEUE_ARN"] = queues.WakeUp.QueueArn,
            ["SCHEDULE_GROUP_NAME"] = wakeUps.GroupName,
            ["SCHEDULER_ROLE_ARN"] = wakeUps.SchedulerRole.RoleArn,
        };
    }

    private static Dictionary<string, object> ClusterEntry(Stack stack, ClusterSettings cluster)
    {
        var entry = new Dictionary<string, object>
        {
            ["name"] = cluster.Name,
            ["endpoint"] = cluster.Endpoint.ToString().TrimEnd('/'),
            ["caData"] = cluster.CaData,
            ["region"] = cluster.Region ?? stack.Region,
            // Whether one list per kind may cover every namespace; a cluster-scoped (admin) entry always reads everything.
            ["clusterRead"] = cluster.ClusterRead,
        };
        if (cluster.RoleArn is { } roleArn)
        {
            entry["roleArn"] = roleArn;
        }
        return entry;
    }
}
