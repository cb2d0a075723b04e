using System.Security.Cryptography;
using System.Text;
using LibGit2Sharp;

namespace ServerlessDeploy.Git.Locations;

/// <summary>
/// Reads a repoURL: http(s) URLs, file:// URLs and absolute local paths. ssh and scp-like URLs are refused with
/// a clear message; relative paths are refused (the caller resolves them against its own base folder).
/// </summary>
internal static class RepositoryLocationParser
{
    public static RepositoryLocation Parse(string repoUrl)
    {
        var url = repoUrl.Trim();
        if (url.Length == 0)
        {
            throw Invalid("repoURL is empty");
        }

        if (IsSsh(url))
        {
            throw Invalid($"ssh URLs are not supported yet; use https: \"{url}\"");
        }

        if (!url.Contains("://", StringComparison.Ordinal))
        {
            return Path.IsPathFullyQualified(url)
                ? Local(url, url)
                : throw Invalid($"repoURL \"{url}\" is neither an https URL nor an absolute path");
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            throw Invalid($"repoURL \"{Redact(url)}\" is not a valid URL");
        }

        return uri.Scheme switch
        {
            "https" or "http" => Remote(url, uri),
            "file" => Local(uri.LocalPath, url),
            _ => throw Invalid($"repoURL \"{Redact(url)}\" uses the unsupported scheme \"{uri.Scheme}\"; use https"),
        };
    }

    /// <summary>Removes user information (user:token@) from every URL in <paramref name="text"/>.</summary>
    public static string Redact(string text)
    {
        var builder = new StringBuilder(text.Length);
        var index = 0;
        while (index < text.Length)
        {
            var scheme = text.IndexOf("://", index, StringComparison.Ordinal);
            if (scheme < 0)
            {
                break;
            }

            var hostStart = scheme + 3;
            var hostEnd = text.IndexOfAny(['/', ' ', '\'', '"', '\n'], hostStart);
            hostEnd = hostEnd < 0 ? text.Length : hostEnd;
            var at = text.LastIndexOf('@', hostEnd - 1, hostEnd - hostStart);
            builder.Append(text, index, hostStart - index);
            index = at >= hostStart ? at + 1 : hostStart;
        }

        return builder.Append(text, index, text.Length - index).ToString();
    }

    private static bool IsSsh(string url) =>
        url.StartsWith("ssh://", StringComparison.OrdinalIgnoreCase)
        || url.StartsWith("git+ssh://", StringComparison.OrdinalIgnoreCase)
        || (!url.Contains("://", StringComparison.Ordinal) && !Path.IsPathFullyQualified(url) && url.Contains('@') && url.Contains(':'));

    private static RepositoryLocation Remote(string url, Uri uri)
    {
        var display = Redact(url);
        var path = uri.AbsolutePath.TrimEnd('/');
        path = path.EndsWith(".git", StringComparison.OrdinalIgnoreCase) ? path[..^4] : path;
        var normalised = $"{uri.Scheme}://{uri.Host.ToLowerInvariant()}:{uri.Port}{path}";
        return new RepositoryLocation(LocationKind.Remote, url, display, Hash(normalised));
    }

    private static RepositoryLocation Local(string path, string written)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        if (!Directory.Exists(full))
        {
            throw new GitSourceException(GitFailure.RepositoryNotFound, $"repoURL \"{written}\": the folder {full} does not exist");
        }

        var kind = Repository.IsValid(full) ? LocationKind.LocalRepository : LocationKind.PlainFolder;
        return new RepositoryLocation(kind, full, written, Hash("file://" + full));
    }

    private static string Hash(string normalised) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalised)))[..32];

    private static GitSourceException Invalid(string message) => new(GitFailure.InvalidRequest, message);
}
