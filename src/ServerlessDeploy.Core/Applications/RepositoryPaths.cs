namespace ServerlessDeploy.Core.Applications;

/// <summary>Paths inside a repository as Argo CD's annotations write them: '/'-separated, from the root.</summary>
public static class RepositoryPaths
{
    /// <summary>
    /// <paramref name="path"/> from the repository root: as it is when it starts with '/', otherwise from
    /// <paramref name="folder"/>; "." and ".." resolved (never above the root). The root itself is "".
    /// </summary>
    public static string Resolve(string folder, string path)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(path);
        var segments = new List<string>();
        foreach (var segment in (path.StartsWith('/') ? path : $"{folder}/{path}").Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }
            }
            else if (segment != ".")
            {
                segments.Add(segment);
            }
        }

        return string.Join('/', segments);
    }
}
