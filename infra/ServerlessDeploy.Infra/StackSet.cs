using Amazon.CDK;
using ServerlessDeploy.Infra.Companion;
using ServerlessDeploy.Infra.Deployer;
using ServerlessDeploy.Infra.Settings;

namespace ServerlessDeploy.Infra;

/// <summary>
/// The stacks one synthesis holds: the deployer, or, with <c>companionFor=&lt;deployer role ARN&gt;</c>, one access
/// stack per cluster in another account, each bound to that cluster's account and region.
/// </summary>
public static class StackSet
{
    public const string DeployerStackName = "ServerlessDeploy";
    public const string AccessStackPrefix = "ServerlessDeployAccess-";

    public static void AddTo(App app, InfraSettings settings, string? companionFor)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (string.IsNullOrWhiteSpace(companionFor))
        {
            _ = new DeployerStack(app, DeployerStackName, settings, new StackProps
            {
                Description = "ServerlessDeploy: GitOps deployer for EKS (functions, queues, state, triggers, cluster access)",
            });
            return;
        }
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
