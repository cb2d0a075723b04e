using Amazon.CDK;
using ServerlessDeploy.Infra.Bundling;
using ServerlessDeploy.Infra.Companion;
using ServerlessDeploy.Infra.Deployer;
using ServerlessDeploy.Infra.PipelineAction;
using ServerlessDeploy.Infra.Settings;

namespace ServerlessDeploy.Infra;

/// <summary>
/// The stacks one synthesis holds: the deployer, or, with <c>companionFor=&lt;deployer role ARN&gt;</c>, one access
/// stack per cluster in another account, each bound to that cluster's account and region. With
/// <c>examplePipelineApp=&lt;app&gt;</c>, also an example pipeline that syncs that app on each config repository commit.
/// The deployer's code is built from the checkout unless the settings name prebuilt code.
/// </summary>
public static class StackSet
{
    public const string DeployerStackName = "ServerlessDeploy";
    public const string AccessStackPrefix = "ServerlessDeployAccess-";
    public const string ExamplePipelineStackName = "ServerlessDeployExamplePipeline";

    public static void AddTo(App app, InfraSettings settings, string? companionFor, string? examplePipelineApp = null, Checkout? checkout = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (string.IsNullOrWhiteSpace(companionFor))
        {
            var deployer = new DeployerStack(app, DeployerStackName, settings, new StackProps
            {
                Description = "ServerlessDeploy: GitOps deployer for EKS (functions, queues, state, triggers, wake-up schedules, cluster access)",
            }, checkout);
            if (!string.IsNullOrWhiteSpace(examplePipelineApp))
            {
                AddExamplePipeline(app, settings, deployer, examplePipelineApp.Trim());
            }
            return;
        }
        AddAccessStacks(app, settings, companionFor);
    }

    private static void AddExamplePipeline(App app, InfraSettings settings, DeployerStack deployer, string appName)
    {
        var repository = settings.ConfigRepository.CodeCommitName
            ?? throw new InfraSettingsException($"CDK context '{InfraSettings.ExamplePipelineAppKey}': the example pipeline's source is the config repository, which must be in CodeCommit ('{InfraSettings.CodeCommitRepositoryKey}').");
        _ = new ExamplePipelineStack(app, ExamplePipelineStackName, deployer.Functions.PipelineAction.Function, appName, repository, settings.ConfigBranch, new StackProps
        {
            Description = $"ServerlessDeploy example: a pipeline whose last action has the deployer sync {appName}",
        });
    }

    private static void AddAccessStacks(App app, InfraSettings settings, string companionFor)
    {
        if (!SettingPatterns.RoleArn().IsMatch(companionFor.Trim()))
        {
            throw new InfraSettingsException($"CDK context '{InfraSettings.CompanionForKey}' has invalid value '{companionFor}': expected the deployer's role ARN (the DeployerRoleArn output).");
        }
        var remote = settings.Clusters.Where(c => c.InOtherAccount).ToList();
        if (remote.Count == 0)
        {
            throw new InfraSettingsException($"CDK context '{InfraSettings.ClustersKey}' has no cluster with a roleArn: '{InfraSettings.CompanionForKey}' creates access only for clusters in other accounts.");
        }
        foreach (var cluster in remote)
        {
            _ = new DeployerAccessStack(app, AccessStackPrefix + cluster.Name, cluster, companionFor.Trim(), new StackProps
            {
                Description = $"ServerlessDeploy: the role the deployer assumes for EKS cluster {cluster.Name}, and its access entry",
                Env = new Amazon.CDK.Environment { Account = DeployerAccessStack.AccountOf(cluster.RoleArn!), Region = cluster.Region },
            });
        }
    }
}
