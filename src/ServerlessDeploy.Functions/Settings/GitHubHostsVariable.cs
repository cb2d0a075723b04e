namespace ServerlessDeploy.Functions.Settings;

/// <summary>
/// Reads GITHUB_HOSTS: a comma list of GitHub Enterprise host names (<c>github.example.com</c>) whose repositories get
/// the GitHub token as github.com's do. An entry is a bare host name, so the token's reach is exactly what is written.
/// </summary>
internal static class GitHubHostsVariable
{
    public static IReadOnlyList<string> Parse(string variable, string? text, List<string> problems)
    {
        var entries = (text ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var hosts = new List<string>();
        for (var index = 0; index < entries.Length; index++)
        {
            // Entries are named by position: a wrong one may be a URL with user information in it.
            if (Uri.CheckHostName(entries[index]) != UriHostNameType.Dns)
            {
                problems.Add($"{variable} entry {index + 1} is not a host name such as github.example.com (no scheme, user, port or path)");
                continue;
            }

            hosts.Add(entries[index].ToLowerInvariant());
        }
        return hosts;
    }
}
