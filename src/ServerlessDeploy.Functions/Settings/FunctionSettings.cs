using ServerlessDeploy.Functions.Hosting;

namespace ServerlessDeploy.Functions.Settings;

/// <summary>The functions' configuration, read once from environment variables at start-up (see <see cref="FunctionSettingsReader"/>).
/// The functions share one configuration, as they share one binary.</summary>
internal sealed record FunctionSettings(
    HandlerName Handler,
    string IntakeQueueUrl,
    string DeployQueueUrl,
    string TableName,
    string WebhookSecretParameter,
    string ConfigRepoUrl,
    string ConfigBranch,
    string AppsPath);
