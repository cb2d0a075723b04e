namespace ServerlessDeploy.Infra.Settings;

/// <summary>
/// The CodeCommit repositories whose branch changes reach the router: the config repository when it is in CodeCommit,
/// plus the repositories named in <c>codeCommitRepositories</c> (the apps' repositories: Applications live in the config
/// repository and may point anywhere, so synthesis cannot find them), or every repository in the account with "*".
/// </summary>
public sealed record CodeCommitWatch(bool All, IReadOnlyList<string> Repositories)
{
    /// <summary>True when no CodeCommit push can concern the deployer: the stack then has no CodeCommit rule.</summary>
    public bool None => !All && Repositories.Count == 0;

    internal static CodeCommitWatch Read(ContextReader context, ConfigRepositorySettings config)
    {
        var named = context.NamesOrAll(
            InfraSettings.CodeCommitRepositoriesKey,
            SettingPatterns.CodeCommitRepositoryName(),
            "CodeCommit repository names (letters, digits, '.', '_', '-')");
        if (named is null)
        {
            return new CodeCommitWatch(true, []);
        }
        var withConfig = config.CodeCommitName is { } name ? named.Prepend(name) : named;
        return new CodeCommitWatch(false, [.. withConfig.Distinct(StringComparer.Ordinal)]);
    }
}
