namespace ServerlessDeploy.Git.Locations;

/// <summary>A parsed repoURL.</summary>
/// <param name="Kind">Remote, local repository or plain folder.</param>
/// <param name="FetchUrl">What libgit2 is given: the URL as written, or the absolute local path.</param>
/// <param name="DisplayUrl">The URL as written without any user information: safe for messages.</param>
/// <param name="CacheKey">A stable file name for the repository's mirror (a hash of the normalised URL).</param>
internal sealed record RepositoryLocation(LocationKind Kind, string FetchUrl, string DisplayUrl, string CacheKey);
