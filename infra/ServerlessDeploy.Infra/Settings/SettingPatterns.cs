using System.Text.RegularExpressions;

namespace ServerlessDeploy.Infra.Settings;

/// <summary>The shapes AWS documents for the names and ARNs the settings carry.</summary>
internal static partial class SettingPatterns
{
    [GeneratedRegex(@"^[^\s~^:?*\[\\]+$")]
    public static partial Regex BranchName();

    /// <summary>An SSM parameter name: a path ("/a/b") or a plain name, letters, digits and <c>_.-/</c>.</summary>
    [GeneratedRegex(@"^(/[a-zA-Z0-9_.\-]+)+$|^[a-zA-Z0-9_.\-]+$")]
    public static partial Regex ParameterName();

    [GeneratedRegex(@"^arn:aws[a-z-]*:iam::\d{12}:role/([\w+=,.@-]+/)*[\w+=,.@-]{1,64}$")]
    public static partial Regex RoleArn();

    [GeneratedRegex(@"^arn:aws[a-z-]*:sns:[a-z]{2}(-[a-z]+)+-\d:\d{12}:[\w-]{1,256}$")]
    public static partial Regex SnsTopicArn();

    [GeneratedRegex(@"^[0-9A-Za-z][A-Za-z0-9\-_]{0,99}$")]
    public static partial Regex ClusterName();

    [GeneratedRegex(@"^[a-z]{2}(-[a-z]+)+-\d$")]
    public static partial Regex Region();

    /// <summary>A Kubernetes namespace (DNS-1123 label).</summary>
    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$")]
    public static partial Regex Namespace();

    [GeneratedRegex(@"^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$")]
    public static partial Regex EcrRepositoryName();

    [GeneratedRegex(@"^[\w.-]{1,100}$")]
    public static partial Regex CodeCommitRepositoryName();

    [GeneratedRegex(@"^git-codecommit\.[a-z0-9-]+\.amazonaws\.com$")]
    public static partial Regex CodeCommitHost();

    [GeneratedRegex(@"^[.\-_A-Za-z0-9]{1,256}$")]
    public static partial Regex EventBusName();

    [GeneratedRegex(@"^(vpc|subnet|sg|rtb)-[0-9a-f]{8,17}$")]
    public static partial Regex Ec2Id();
}
