using System.Globalization;
using System.Text.RegularExpressions;
using Constructs;

namespace ServerlessDeploy.Infra;

/// <summary>A CDK context value that is missing or invalid; the message names the context key.</summary>
public sealed class InfraSettingsException : Exception
{
    public InfraSettingsException() { }
    public InfraSettingsException(string message) : base(message) { }
    public InfraSettingsException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>Deployer settings read from CDK context (cdk.json "context" or <c>cdk synth -c key=value</c>).</summary>
public sealed partial record InfraSettings(
    Uri ConfigRepositoryUrl,
    string ConfigBranch,
    string AppsPath,
    int ReconcileIntervalMinutes,
    int DeployerTimeoutSeconds)
{
    public const string Prefix = "serverless-deploy:";
    public const string ConfigRepositoryUrlKey = Prefix + "configRepositoryUrl";
    public const string ConfigBranchKey = Prefix + "configBranch";
    public const string AppsPathKey = Prefix + "appsPath";
    public const string ReconcileIntervalMinutesKey = Prefix + "reconcileIntervalMinutes";
    public const string DeployerTimeoutSecondsKey = Prefix + "deployerTimeoutSeconds";

    /// <summary>Visibility timeout of the deploy FIFO queue: six times the deployer's timeout (AWS guidance for Lambda sources).</summary>
    public int DeployVisibilityTimeoutSeconds => 6 * DeployerTimeoutSeconds;

    public static InfraSettings FromContext(Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return FromValues(key => node.TryGetContext(key));
    }

    /// <summary>Reads and validates every setting; the first invalid one throws with its context key in the message.</summary>
    public static InfraSettings FromValues(Func<string, object?> lookup)
    {
        ArgumentNullException.ThrowIfNull(lookup);

        var url = RequiredString(lookup, ConfigRepositoryUrlKey);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || (uri.Scheme != "https" && uri.Scheme != "ssh" && uri.Scheme != "codecommit"))
        {
            throw Invalid(ConfigRepositoryUrlKey, url, "an absolute https://, ssh:// or codecommit:// repository URL");
        }

        var branch = RequiredString(lookup, ConfigBranchKey);
        if (!BranchName().IsMatch(branch) || branch.Contains("..", StringComparison.Ordinal)
            || branch.EndsWith('/') || branch.EndsWith(".lock", StringComparison.Ordinal))
        {
            throw Invalid(ConfigBranchKey, branch, "a Git branch name (no spaces, '..', '~', '^', ':', '?', '*', '[' or '\\')");
        }

        var appsPath = RequiredString(lookup, AppsPathKey);
        if (appsPath.StartsWith('/') || appsPath.Contains('\\', StringComparison.Ordinal)
            || appsPath.Split('/').Any(s => s is ".." or ""))
        {
            throw Invalid(AppsPathKey, appsPath, "a relative path inside the config repository, without '..' or empty segments");
        }

        var interval = RequiredInt(lookup, ReconcileIntervalMinutesKey, 1, 1440, "whole minutes from 1 to 1440");
        var timeout = RequiredInt(lookup, DeployerTimeoutSecondsKey, 1, 900, "whole seconds from 1 to 900 (the Lambda limit)");

        return new InfraSettings(uri, branch, appsPath, interval, timeout);
    }

    private static string RequiredString(Func<string, object?> lookup, string key)
    {
        var value = lookup(key);
        var text = value switch
        {
            null => null,
            string s => s,
            _ => Convert.ToString(value, CultureInfo.InvariantCulture),
        };
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new InfraSettingsException($"CDK context '{key}' is missing or empty; set it in cdk.json or with -c {key}=<value>.");
        }
        return text.Trim();
    }

    private static int RequiredInt(Func<string, object?> lookup, string key, int min, int max, string expected)
    {
        var value = lookup(key);
        if (value is null)
        {
            throw new InfraSettingsException($"CDK context '{key}' is missing; set it in cdk.json or with -c {key}=<value>.");
        }
        int? parsed = value switch
        {
            int i => i,
            long l when l is >= int.MinValue and <= int.MaxValue => (int)l,
            double d when d == Math.Floor(d) && d is >= int.MinValue and <= int.MaxValue => (int)d,
            string s when int.TryParse(s.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var i) => i,
            _ => null,
        };
        if (parsed is not { } n || n < min || n > max)
        {
            throw Invalid(key, Convert.ToString(value, CultureInfo.InvariantCulture) ?? "", expected);
        }
        return n;
    }

    private static InfraSettingsException Invalid(string key, string value, string expected) =>
        new($"CDK context '{key}' has invalid value '{value}': expected {expected}.");

    [GeneratedRegex(@"^[^\s~^:?*\[\\]+$")]
    private static partial Regex BranchName();
}
