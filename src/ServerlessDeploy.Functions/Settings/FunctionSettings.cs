using ServerlessDeploy.Aws.Eks;
using ServerlessDeploy.Functions.Hosting;

namespace ServerlessDeploy.Functions.Settings;

/// <summary>The functions' configuration, read once from environment variables at start-up (see <see cref="FunctionSettingsReader"/>).
/// The functions share one configuration, as they share one binary; a value the handler does not need may be empty.
/// Secrets are never held here, only the names of the SSM parameters that hold them.</summary>
internal sealed record FunctionSettings(
    HandlerName Handler,
    string IntakeQueueUrl,
    string DeployQueueUrl,
    string TableName,
    string WebhookSecretParameter,
    string ConfigRepoUrl,
    string ConfigBranch,
    string AppsPath)
{
    public const string DefaultEventBusName = "default";
    public const string DefaultGitCacheDirectory = "/tmp/serverless-deploy/git";

    /// <summary>The EKS clusters the deployer may reach.</summary>
    public IReadOnlyList<EksClusterEndpoint> Clusters { get; init; } = [];

    /// <summary>The SSM SecureString parameter holding a GitHub token; null when GitHub repositories are public.</summary>
    public string? GitTokenParameter { get; init; }

    /// <summary>GitHub Enterprise host names whose repositories get the GitHub token too (github.com always does).</summary>
    public IReadOnlyList<string> GitHubHosts { get; init; } = [];

    public string EventBusName { get; init; } = DefaultEventBusName;

    public IReadOnlyList<ChatWebhookParameter> ChatWebhooks { get; init; } = [];

    /// <summary>The AWS region of the function (Lambda sets AWS_REGION); null only where no AWS service is used.</summary>
    public string? Region { get; init; }

    /// <summary>Where Git mirrors and checkouts are cached: under /tmp, Lambda's one writable folder, by default.</summary>
    public string GitCacheDirectory { get; init; } = DefaultGitCacheDirectory;

    /// <summary>Who image write-back commits are from, and their message template (Image Updater's git.user, git.email, git.commit-message-template).</summary>
    public Pipeline.Images.ImageUpdateSettings ImageUpdates { get; init; } = Pipeline.Images.ImageUpdateSettings.Default;

    /// <summary>How the router fans a reconcile tick out (see <see cref="ReconcileVariables"/>).</summary>
    public Pipeline.Config.ReconcileFanOut ReconcileFanOut { get; init; } = Pipeline.Config.ReconcileFanOut.Cluster;

    public int AppsPerComparePass { get; init; } = 1000;

    /// <summary>The S3 bucket the deployer keeps its render cache in; null for none (every render renders).</summary>
    public string? RenderCacheBucket { get; init; }

    /// <summary>Where a waiting sync's wake-up is booked; the deployer cannot start without it, other handlers leave it null.</summary>
    public WakeUpSettings? WakeUps { get; init; }
}
