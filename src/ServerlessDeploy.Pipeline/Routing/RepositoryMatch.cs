namespace ServerlessDeploy.Pipeline.Routing;

/// <summary>
/// Whether an Application's repoURL is the repository an event names: the same URL once normalised, or the same last path
/// segment without <c>.git</c> (CodeCommit events carry only the repository name; locally a path is matched by its name).
/// </summary>
internal static class RepositoryMatch
{
    public static bool Same(string repoUrl, string eventRepositoryName, string? eventRepositoryUrl) =>
        (eventRepositoryUrl is { Length: > 0 } url && string.Equals(Normalise(repoUrl), Normalise(url), StringComparison.OrdinalIgnoreCase))
        || string.Equals(NameOf(repoUrl), eventRepositoryName.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>The repository's name: the last path segment without a trailing <c>.git</c>.</summary>
    public static string NameOf(string repoUrl)
    {
        var trimmed = Normalise(repoUrl);
        var slash = Math.Max(trimmed.LastIndexOf('/'), trimmed.LastIndexOf(':'));
        return slash < 0 ? trimmed : trimmed[(slash + 1)..];
    }

    private static string Normalise(string url)
    {
        var trimmed = url.Trim().TrimEnd('/');
        return trimmed.EndsWith(".git", StringComparison.OrdinalIgnoreCase) ? trimmed[..^4] : trimmed;
    }
}
