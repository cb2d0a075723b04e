using ServerlessDeploy.Functions.Hosting;
using ServerlessDeploy.Lambda.Runtime;

namespace ServerlessDeploy.Functions.Settings;

/// <summary>
/// Reads <see cref="FunctionSettings"/> from the environment. Which variables are required depends on the handler;
/// every missing or wrong variable is named in one error. Values are never echoed for the list-valued variables.
/// </summary>
internal static class FunctionSettingsReader
{
    public const string HandlerVariable = "_HANDLER";
    public const string IntakeQueueUrl = "INTAKE_QUEUE_URL";
    public const string DeployQueueUrl = "DEPLOY_QUEUE_URL";
    public const string TableName = "TABLE_NAME";
    public const string WebhookSecretParameter = "WEBHOOK_SECRET_PARAMETER";
    public const string ConfigRepoUrl = "CONFIG_REPO_URL";
    public const string ConfigBranch = "CONFIG_BRANCH";
    public const string AppsPath = "APPS_PATH";
    public const string Clusters = "CLUSTERS";
    public const string GitTokenParameter = "GIT_TOKEN_PARAMETER";
    public const string GitHubHosts = "GITHUB_HOSTS";
    public const string EventBusName = "EVENT_BUS_NAME";
    public const string ChatWebhookParameters = "CHAT_WEBHOOK_PARAMETERS";
    public const string Region = "AWS_REGION";
    public const string GitCacheDir = "GIT_CACHE_DIR";
    public const string CommitAuthorName = "GIT_COMMIT_AUTHOR_NAME";
    public const string CommitAuthorEmail = "GIT_COMMIT_AUTHOR_EMAIL";
    public const string CommitMessageTemplate = "GIT_COMMIT_MESSAGE_TEMPLATE";
    public const string WakeUpQueueUrl = "WAKEUP_QUEUE_URL";
    public const string WakeUpQueueArn = "WAKEUP_QUEUE_ARN";
    public const string ScheduleGroupName = "SCHEDULE_GROUP_NAME";
    public const string SchedulerRoleArn = "SCHEDULER_ROLE_ARN";
    public const string RenderCacheBucket = "RENDER_CACHE_BUCKET";

    /// <summary>A value with this prefix is a local file instead of an AWS resource (local runs, the cold-start bench).</summary>
    public const string FileScheme = "file://";

    public static FunctionSettings Read(IRuntimeEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var problems = new List<string>();
        string? Value(string name) => environment.GetVariable(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

        var handlerText = Value(HandlerVariable);
        HandlerName? handler = null;
        if (handlerText is not null)
        {
            handler = TryParseHandler(handlerText, out var parsed) ? parsed : null;
            if (handler is null)
            {
                problems.Add($"{HandlerVariable} is '{handlerText}'; expected one of: {string.Join(", ", Enum.GetValues<HandlerName>().Select(Display))}");
            }
        }

        var required = new HashSet<string>(handler is { } known ? RequiredFor(known, Value) : [], StringComparer.Ordinal);
        if (handlerText is null)
        {
            required.Add(HandlerVariable);
        }

        var missing = new[]
            {
                HandlerVariable, IntakeQueueUrl, DeployQueueUrl, TableName, WebhookSecretParameter, ConfigRepoUrl, Clusters,
                WakeUpQueueUrl, WakeUpQueueArn, ScheduleGroupName, SchedulerRoleArn, Region,
            }
            .Where(name => required.Contains(name) && Value(name) is null)
            .ToList();
        if (missing.Count > 0)
        {
            problems.Insert(0, $"missing environment variable(s): {string.Join(", ", missing)}");
        }

        var settings = Build(handler ?? default, Value, problems);
        return problems.Count == 0
            ? settings
            : throw new FunctionSettingsException($"The function cannot start: {string.Join("; ", problems)}.");
    }

    /// <summary>The handler name as written in the function's Handler setting: lower case.</summary>
    public static string Display(HandlerName handler) => handler.ToString().ToLowerInvariant();

    public static bool IsFile(string value) => value.StartsWith(FileScheme, StringComparison.Ordinal);

    /// <summary>What each handler cannot start without. AWS_REGION is needed wherever an AWS service is called; a
    /// webhook whose queue and secret are local files calls none. The deployer books wake-ups for the syncs that must
    /// wait (its queue is SQS, so it never runs on local files alone); the pipeline action waits through CodePipeline's
    /// continuation instead.</summary>
    private static IEnumerable<string> RequiredFor(HandlerName handler, Func<string, string?> value) => handler switch
    {
        HandlerName.Webhook when IsFile(value(IntakeQueueUrl) ?? "") && IsFile(value(WebhookSecretParameter) ?? "") => [IntakeQueueUrl, WebhookSecretParameter],
        HandlerName.Webhook => [IntakeQueueUrl, WebhookSecretParameter, Region],
        HandlerName.Router => [DeployQueueUrl, ConfigRepoUrl, TableName, Region],
        HandlerName.Deployer => [DeployQueueUrl, TableName, ConfigRepoUrl, Clusters, WakeUpQueueUrl, WakeUpQueueArn, ScheduleGroupName, SchedulerRoleArn, Region],
        HandlerName.CodePipeline => [TableName, ConfigRepoUrl, Clusters, Region],
        _ => [],
    };

    private static FunctionSettings Build(HandlerName handler, Func<string, string?> value, List<string> problems)
    {
        var clusters = value(Clusters) is { } clustersJson ? ClustersVariable.Parse(Clusters, clustersJson, problems) : [];
        var chat = ChatWebhooksVariable.Parse(ChatWebhookParameters, value(ChatWebhookParameters), problems);
        var gitHubHosts = GitHubHostsVariable.Parse(GitHubHosts, value(GitHubHosts), problems);
        var wakeUps = WakeUpVariables.Parse(value, problems);
        var (fanOut, appsPerPass) = ReconcileVariables.Parse(value, problems);
        var gitCache = value(GitCacheDir) ?? FunctionSettings.DefaultGitCacheDirectory;
        if (!Path.IsPathFullyQualified(gitCache))
        {
            problems.Add($"{GitCacheDir} is '{gitCache}'; it must be an absolute folder (in Lambda, under /tmp)");
        }

        var renderCache = value(RenderCacheBucket);
        if (renderCache is not null && !RenderCacheBucketName.IsValid(renderCache))
        {
            problems.Add($"{RenderCacheBucket} is '{renderCache}'; it must be an S3 bucket name: 3 to 63 lower-case letters, digits, dots and hyphens, starting and ending with a letter or digit");
        }

        var deployQueue = value(DeployQueueUrl) ?? "";
        if (handler == HandlerName.Deployer && IsFile(deployQueue))
        {
            problems.Add($"{DeployQueueUrl} is a file:// queue, but the deployer needs an SQS queue (it changes message visibility)");
        }

        return new FunctionSettings(
            handler,
            value(IntakeQueueUrl) ?? "",
            deployQueue,
            value(TableName) ?? "",
            value(WebhookSecretParameter) ?? "",
            value(ConfigRepoUrl) ?? "",
            value(ConfigBranch) ?? "main",
            value(AppsPath) ?? "apps")
        {
            Clusters = clusters,
            GitTokenParameter = value(GitTokenParameter),
            GitHubHosts = gitHubHosts,
            EventBusName = value(EventBusName) ?? FunctionSettings.DefaultEventBusName,
            ChatWebhooks = chat,
            Region = value(Region),
            GitCacheDirectory = gitCache,
            ImageUpdates = ImageUpdates(value),
            WakeUps = wakeUps,
            ReconcileFanOut = fanOut,
            AppsPerComparePass = appsPerPass,
            RenderCacheBucket = renderCache,
        };
    }

    /// <summary>The write-back commit's author and template; unset values keep Image Updater's defaults.</summary>
    private static Pipeline.Images.ImageUpdateSettings ImageUpdates(Func<string, string?> value)
    {
        var defaults = Pipeline.Images.ImageUpdateSettings.Default;
        return defaults with
        {
            Author = new Core.Sources.CommitIdentity(value(CommitAuthorName) ?? defaults.Author.Name, value(CommitAuthorEmail) ?? defaults.Author.Email),
            MessageTemplate = value(CommitMessageTemplate) ?? defaults.MessageTemplate,
        };
    }

    private static bool TryParseHandler(string text, out HandlerName handler)
    {
        foreach (var candidate in Enum.GetValues<HandlerName>())
        {
            if (string.Equals(Display(candidate), text, StringComparison.Ordinal))
            {
                handler = candidate;
                return true;
            }
        }
        handler = default;
        return false;
    }
}
