using LibGit2Sharp;
using ServerlessDeploy.Git.Locations;

namespace ServerlessDeploy.Git.Mirrors;

/// <summary>
/// Turns libgit2's errors into one <see cref="GitSourceException"/> that names the repository and says what went
/// wrong, without the credentials: user information is removed from URLs and the password from the text.
/// </summary>
internal static class GitErrors
{
    private static readonly string[] UnreachableSigns =
        ["failed to resolve address", "failed to connect", "timed out", "connection", "ssl", "tls", "certificate", "network"];

    private static readonly string[] NotFoundSigns =
        ["404", "not found", "failed to resolve path", "could not find repository", "does not appear to be a git repository"];

    public static Exception Translate(LibGit2SharpException error, string action, string displayUrl, CredentialSession session, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return new OperationCanceledException($"{action} {displayUrl} was cancelled", null, cancellationToken);
        }

        var reason = Clean(error.Message, session.Credentials);
        var lower = reason.ToLowerInvariant();
        if (session.Refused || lower.Contains("authentication", StringComparison.Ordinal) || lower.Contains("401", StringComparison.Ordinal))
        {
            var why = session.Credentials is null ? "the repository needs credentials and none were given" : "the credentials were refused";
            return new GitSourceException(GitFailure.AuthenticationFailed, $"{action} {displayUrl}: authentication failed: {why}");
        }

        if (NotFoundSigns.Any(s => lower.Contains(s, StringComparison.Ordinal)))
        {
            return new GitSourceException(GitFailure.RepositoryNotFound, $"{action} {displayUrl}: repository not found ({reason})");
        }

        if (UnreachableSigns.Any(s => lower.Contains(s, StringComparison.Ordinal)))
        {
            return new GitSourceException(GitFailure.Unreachable, $"{action} {displayUrl}: cannot reach the repository ({reason})");
        }

        return new GitSourceException(GitFailure.Other, $"{action} {displayUrl}: {reason}");
    }

    /// <summary>The text with URL user information and the password removed.</summary>
    public static string Clean(string text, GitCredentials? credentials)
    {
        var cleaned = RepositoryLocationParser.Redact(text);
        return credentials is { Password.Length: > 0 } ? cleaned.Replace(credentials.Password, "***", StringComparison.Ordinal) : cleaned;
    }
}
