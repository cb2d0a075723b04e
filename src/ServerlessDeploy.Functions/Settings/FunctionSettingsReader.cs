using ServerlessDeploy.Functions.Hosting;
using ServerlessDeploy.Lambda.Runtime;

namespace ServerlessDeploy.Functions.Settings;

/// <summary>Reads <see cref="FunctionSettings"/> from the environment; every missing or wrong variable is named in one error.</summary>
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

    public static FunctionSettings Read(IRuntimeEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var missing = new List<string>();
        string Required(string name)
        {
            var value = environment.GetVariable(name);
            if (string.IsNullOrWhiteSpace(value))
            {
                missing.Add(name);
                return "";
            }
            return value;
        }

        var handlerText = Required(HandlerVariable);
        var settings = new FunctionSettings(
            default,
            Required(IntakeQueueUrl),
            Required(DeployQueueUrl),
            Required(TableName),
            Required(WebhookSecretParameter),
            Required(ConfigRepoUrl),
            Required(ConfigBranch),
            Required(AppsPath));
        var problems = new List<string>();
        if (missing.Count > 0)
        {
            problems.Add($"missing environment variable(s): {string.Join(", ", missing)}");
        }

        HandlerName handler = default;
        if (handlerText.Length > 0 && !TryParseHandler(handlerText, out handler))
        {
            problems.Add($"{HandlerVariable} is '{handlerText}'; expected one of: {string.Join(", ", Enum.GetValues<HandlerName>().Select(Display))}");
        }

        return problems.Count == 0
            ? settings with { Handler = handler }
            : throw new FunctionSettingsException($"The function cannot start: {string.Join("; ", problems)}.");
    }

    /// <summary>The handler name as written in the function's Handler setting: lower case.</summary>
    public static string Display(HandlerName handler) => handler.ToString().ToLowerInvariant();

    private static bool TryParseHandler(string text, out HandlerName handler)
    {
        foreach (var candidate in Enum.GetValues<HandlerName>())
        {
            if (string.Equals(Display(candidate), text.Trim(), StringComparison.Ordinal))
            {
                handler = candidate;
                return true;
            }
        }
        handler = default;
        return false;
    }
}
