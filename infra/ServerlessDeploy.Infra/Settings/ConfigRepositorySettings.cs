namespace ServerlessDeploy.Infra.Settings;

/// <summary>
/// The config repository: a Git URL (GitHub or any host, with an optional SSM parameter holding the token) or a
/// CodeCommit repository in the stack's account, given by name or by its URL. The token also goes to repositories on
/// the GitHub Enterprise hosts named in <see cref="GitHubHosts"/>.
/// </summary>
public sealed record ConfigRepositorySettings(Uri? Url, string? CodeCommitName, string? TokenParameter)
{
    /// <summary>GitHub Enterprise host names whose repositories get the token as github.com's do.</summary>
    public IReadOnlyList<string> GitHubHosts { get; init; } = [];

    /// <summary>The clone URL the functions get; a CodeCommit repository given by name is cloned over HTTPS in <paramref name="region"/>.</summary>
    public string CloneUrl(string region) =>
        Url?.ToString() ?? $"https://git-codecommit.{region}.amazonaws.com/v1/repos/{CodeCommitName}";

    internal static ConfigRepositorySettings Read(ContextReader context) =>
        ReadRepository(context) with { GitHubHosts = ReadGitHubHosts(context) };

    private static List<string> ReadGitHubHosts(ContextReader context)
    {
        var hosts = context.List(InfraSettings.GitHubHostsKey);
        var bad = hosts.FirstOrDefault(h => Uri.CheckHostName(h) != UriHostNameType.Dns);
        return bad is null
            ? [.. hosts.Select(h => h.ToLowerInvariant())]
            : throw ContextReader.Invalid(InfraSettings.GitHubHostsKey, bad, "GitHub Enterprise host names such as github.example.com (no scheme, port or path)");
    }

    private static ConfigRepositorySettings ReadRepository(ContextReader context)
    {
        var urlText = context.OptionalString(InfraSettings.ConfigRepositoryUrlKey);
        var name = context.OptionalString(InfraSettings.CodeCommitRepositoryKey);
        var token = context.OptionalString(InfraSettings.GitTokenParameterKey);
        if ((urlText is null) == (name is null))
        {
            throw new InfraSettingsException(
                $"CDK context '{InfraSettings.ConfigRepositoryUrlKey}' or '{InfraSettings.CodeCommitRepositoryKey}' must be set (exactly one of them).");
        }
        if (token is not null && !SettingPatterns.ParameterName().IsMatch(token))
        {
            throw ContextReader.Invalid(InfraSettings.GitTokenParameterKey, token, "an SSM parameter name such as /serverless-deploy/git-token");
        }
        if (name is not null)
        {
            return SettingPatterns.CodeCommitRepositoryName().IsMatch(name)
                ? new ConfigRepositorySettings(null, name, token)
                : throw ContextReader.Invalid(InfraSettings.CodeCommitRepositoryKey, name, "a CodeCommit repository name (letters, digits, '.', '_', '-')");
        }
        if (!Uri.TryCreate(urlText, UriKind.Absolute, out var url) || (url.Scheme != "https" && url.Scheme != "ssh" && url.Scheme != "codecommit"))
        {
            throw ContextReader.Invalid(InfraSettings.ConfigRepositoryUrlKey, urlText!, "an absolute https://, ssh:// or codecommit:// repository URL");
        }
        var codeCommitName = SettingPatterns.CodeCommitHost().IsMatch(url.Host) ? url.Segments[^1].TrimEnd('/') : null;
        return new ConfigRepositorySettings(url, codeCommitName, token);
    }
}
