using ServerlessDeploy.Core.Applications;

namespace ServerlessDeploy.Cli.Commands.App;

/// <summary>
/// Where an Application's source is on disk: a file:// URL or a path (relative to the Application file) naming a
/// plain folder is read as it is; Git repositories go through the Git source.
/// </summary>
internal static class SourceFolder
{
    public static (string Root, string Revision)? Local(Application app)
    {
        var url = app.Source.RepoUrl;
        if (url.StartsWith("https://", StringComparison.Ordinal) || url.StartsWith("http://", StringComparison.Ordinal))
        {
            return null;
        }

        var path = url.StartsWith("file://", StringComparison.Ordinal) ? new Uri(url).LocalPath : url;
        var baseDirectory = Path.GetDirectoryName(app.SourceFile) ?? Directory.GetCurrentDirectory();
        var full = Path.GetFullPath(Path.Combine(baseDirectory, path));
        if (!Directory.Exists(full))
        {
            throw CliFailure.Input($"spec.source.repoURL: {url} is not a folder (resolved to {full})");
        }

        return (full, "");
    }
}
