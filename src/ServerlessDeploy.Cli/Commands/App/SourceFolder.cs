using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Git;

namespace ServerlessDeploy.Cli.Commands.App;

/// <summary>
/// Checks out an Application's source: an https or file:// repository, or a path relative to the Application file,
/// which may be a Git repository (resolved at targetRevision) or a plain folder read as it is.
/// A token for https repositories comes from SDEPLOY_GIT_TOKEN.
/// </summary>
internal static class SourceFolder
{
    public static async Task<(string Root, string Revision)> CheckoutAsync(Application app, CancellationToken cancellationToken)
    {
        var url = app.Source.RepoUrl;
        var remote = url.Contains("://", StringComparison.Ordinal);
        var location = remote ? url : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(app.SourceFile) ?? Directory.GetCurrentDirectory(), url));
        if (!remote && !Directory.Exists(location))
        {
            throw CliFailure.Input($"spec.source.repoURL: {url} is not a folder (resolved to {location})");
        }

        var cache = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "serverless-deploy", "git");
        var sources = new GitSources(new GitSourceOptions(cache), TimeProvider.System);
        var token = Environment.GetEnvironmentVariable("SDEPLOY_GIT_TOKEN");
        try
        {
            var checkout = await sources.CheckoutAsync(location, app.Source.TargetRevision, token is { Length: > 0 } ? GitCredentials.FromToken(token) : null, cancellationToken);
            return (checkout.Root, checkout.Revision);
        }
        catch (GitSourceException e)
        {
            throw e.Failure == GitFailure.InvalidRequest ? CliFailure.Input($"spec.source: {e.Message}") : CliFailure.Operation(e.Message);
        }
    }
}
