using Constructs;

namespace ServerlessDeploy.Infra.Settings;

/// <summary>
/// Deployer settings read from CDK context (cdk.json "context" or <c>cdk synth -c key=value</c>), validated.
/// <see cref="FunctionsCodePath"/> and <see cref="KubectlLayerZip"/> are null when absent: the CDK app then builds
/// them from the checkout (publishes the functions, installs the layer).
/// </summary>
public sealed record InfraSettings(
    ConfigRepositorySettings ConfigRepository,
    string ConfigBranch,
    string AppsPath,
    int ReconcileIntervalMinutes,
    FunctionSizing Router,
    FunctionSizing Webhook,
    FunctionSizing Deployer,
    int DeployMaxReceiveCount,
    IReadOnlyList<ClusterSettings> Clusters,
    IReadOnlyList<string> EcrRepositories,
    CodeCommitWatch CodeCommit,
    string WebhookSecretParameter,
    IReadOnlyList<ChatWebhookParameter> ChatWebhooks,
    string EventBusName,
    VpcSettings? Vpc,
    string? AlarmTopicArn,
    string? FunctionsCodePath,
    string? KubectlLayerZip)
{
    public const string Prefix = "serverless-deploy:";
    public const string ConfigRepositoryUrlKey = Prefix + "configRepositoryUrl";
    public const string CodeCommitRepositoryKey = Prefix + "codeCommitRepository";
    public const string GitTokenParameterKey = Prefix + "gitTokenParameter";
    public const string GitHubHostsKey = Prefix + "gitHubHosts";
    public const string ConfigBranchKey = Prefix + "configBranch";
    public const string AppsPathKey = Prefix + "appsPath";
    public const string ReconcileIntervalMinutesKey = Prefix + "reconcileIntervalMinutes";
    public const string DeployMaxReceiveCountKey = Prefix + "deployMaxReceiveCount";
    public const string ClustersKey = Prefix + "clusters";
    public const string EcrRepositoriesKey = Prefix + "ecrRepositories";
    public const string CodeCommitRepositoriesKey = Prefix + "codeCommitRepositories";
    public const string WebhookSecretParameterKey = Prefix + "webhookSecretParameter";
    public const string ChatWebhookParametersKey = Prefix + "chatWebhookParameters";
    public const string EventBusNameKey = Prefix + "eventBusName";
    public const string VpcIdKey = Prefix + "vpcId";
    public const string SubnetIdsKey = Prefix + "subnetIds";
    public const string SecurityGroupIdsKey = Prefix + "securityGroupIds";
    public const string VpcEndpointsKey = Prefix + "vpcEndpoints";
    public const string RouteTableIdsKey = Prefix + "routeTableIds";
    public const string AlarmTopicArnKey = Prefix + "alarmTopicArn";
    public const string FunctionsCodePathKey = Prefix + "functionsCodePath";
    public const string KubectlLayerZipKey = Prefix + "kubectlLayerZip";
    public const string CompanionForKey = Prefix + "companionFor";
    public const string ExamplePipelineAppKey = Prefix + "examplePipelineApp";
    public const string DeployerTimeoutSecondsKey = Prefix + "deployerTimeoutSeconds";
    public const string CommitAuthorNameKey = Prefix + "commitAuthorName";
    public const string CommitAuthorEmailKey = Prefix + "commitAuthorEmail";
    public const string CommitMessageTemplateKey = Prefix + "commitMessageTemplate";

    public const string DefaultWebhookSecretParameter = "/serverless-deploy/webhook-secret";

    /// <summary>Measured defaults: the router renders nothing (512 MB, 60 s); the deployer runs helm and kubectl and waits for health.</summary>
    public static readonly FunctionSizing RouterDefaults = new(512, 60, 5);
    public static readonly FunctionSizing WebhookDefaults = new(256, 10, 10);
    public static readonly FunctionSizing DeployerDefaults = new(2048, 900, 10);

    /// <summary>
    /// The image updater's write-back commits: author name and email and message template (Image Updater's git.user,
    /// git.email, git.commit-message-template); null keeps the functions' defaults.
    /// </summary>
    public (string? Name, string? Email, string? Template) CommitSettings { get; init; }

    /// <summary>Watch every ECR repository in the account when no repository is named (or "*" is).</summary>
    public bool WatchesAllEcrRepositories => EcrRepositories.Count == 0;

    /// <summary>Visibility timeout of the intake queue: six times the router's timeout (AWS guidance for Lambda sources).</summary>
    public int IntakeVisibilityTimeoutSeconds => 6 * Router.TimeoutSeconds;

    /// <summary>Visibility timeout of the deploy FIFO queue: six times the deployer's timeout.</summary>
    public int DeployVisibilityTimeoutSeconds => 6 * Deployer.TimeoutSeconds;

    public static InfraSettings FromContext(Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return FromValues(key => node.TryGetContext(key));
    }

    /// <summary>Reads and validates every setting; the first invalid one throws with its context key in the message.</summary>
    public static InfraSettings FromValues(Func<string, object?> lookup)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        var context = new ContextReader(lookup);
        var configRepository = ConfigRepositorySettings.Read(context);
        return new InfraSettings(
            configRepository,
            ReadBranch(context),
            ReadAppsPath(context),
            context.Int(ReconcileIntervalMinutesKey, 1, 1440, "whole minutes from 1 to 1440"),
            FunctionSizing.Read(context, "router", RouterDefaults),
            FunctionSizing.Read(context, "webhook", WebhookDefaults),
            FunctionSizing.Read(context, "deployer", DeployerDefaults),
            context.Int(DeployMaxReceiveCountKey, 1, 1000, "a receive count from 1 to 1000", 3),
            ClusterSettings.ParseAll(ClustersKey, context.Json(ClustersKey)),
            context.NamesOrAll(EcrRepositoriesKey, SettingPatterns.EcrRepositoryName(), "ECR repository names (lower case, '/', '.', '_', '-')") ?? [],
            CodeCommitWatch.Read(context, configRepository),
            ReadParameterName(context, WebhookSecretParameterKey) ?? DefaultWebhookSecretParameter,
            ChatWebhookParameter.ReadAll(context),
            ReadEventBusName(context),
            VpcSettings.Read(context),
            ReadTopicArn(context),
            FullPath(context.OptionalString(FunctionsCodePathKey)),
            FullPath(context.OptionalString(KubectlLayerZipKey)))
        {
            CommitSettings = (context.OptionalString(CommitAuthorNameKey), ReadEmail(context), context.OptionalString(CommitMessageTemplateKey)),
        };
    }

    private static string? FullPath(string? path) => path is null ? null : Path.GetFullPath(path);

    private static string? ReadEmail(ContextReader context) =>
        context.OptionalString(CommitAuthorEmailKey) is not { } email ? null
        : email.Contains('@', StringComparison.Ordinal) && !email.Any(char.IsWhiteSpace) ? email
        : throw ContextReader.Invalid(CommitAuthorEmailKey, email, "an email address");

    private static string ReadBranch(ContextReader context)
    {
        var branch = context.RequiredString(ConfigBranchKey);
        return SettingPatterns.BranchName().IsMatch(branch) && !branch.Contains("..", StringComparison.Ordinal)
               && !branch.EndsWith('/') && !branch.EndsWith(".lock", StringComparison.Ordinal)
            ? branch
            : throw ContextReader.Invalid(ConfigBranchKey, branch, "a Git branch name (no spaces, '..', '~', '^', ':', '?', '*', '[' or '\\')");
    }

    private static string ReadAppsPath(ContextReader context)
    {
        var appsPath = context.RequiredString(AppsPathKey);
        return appsPath.StartsWith('/') || appsPath.Contains('\\', StringComparison.Ordinal) || appsPath.Split('/').Any(s => s is ".." or "")
            ? throw ContextReader.Invalid(AppsPathKey, appsPath, "a relative path inside the config repository, without '..' or empty segments")
            : appsPath;
    }

    private static string? ReadParameterName(ContextReader context, string key)
    {
        var name = context.OptionalString(key);
        return name is null || SettingPatterns.ParameterName().IsMatch(name)
            ? name
            : throw ContextReader.Invalid(key, name, "an SSM parameter name such as /serverless-deploy/webhook-secret");
    }

    private static string ReadEventBusName(ContextReader context)
    {
        var name = context.OptionalString(EventBusNameKey) ?? "default";
        return SettingPatterns.EventBusName().IsMatch(name) ? name : throw ContextReader.Invalid(EventBusNameKey, name, "an event bus name (not an ARN)");
    }

    private static string? ReadTopicArn(ContextReader context)
    {
        var arn = context.OptionalString(AlarmTopicArnKey);
        return arn is null || SettingPatterns.SnsTopicArn().IsMatch(arn)
            ? arn
            : throw ContextReader.Invalid(AlarmTopicArnKey, arn, "an SNS topic ARN (arn:aws:sns:<region>:<account>:<name>)");
    }
}
