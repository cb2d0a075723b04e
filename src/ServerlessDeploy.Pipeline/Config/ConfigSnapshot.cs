using ServerlessDeploy.Core.Applications;

namespace ServerlessDeploy.Pipeline.Config;

/// <summary>
/// The config repository at one commit: its Applications (each with the repository-relative file it came from), its
/// AppProjects, and one error per file or Application that could not be read (the others still count).
/// </summary>
/// <param name="RepoUrl">The config repository, without any credentials (safe for messages).</param>
internal sealed record ConfigSnapshot(
    string RepoUrl,
    string Commit,
    IReadOnlyList<ConfiguredApp> Apps,
    IReadOnlyDictionary<string, AppProject> Projects,
    IReadOnlyList<string> Errors)
{
    public ConfiguredApp? Find(string name) => Apps.FirstOrDefault(a => a.Application.Name == name);

    /// <summary>The app's AppProject; null when it names a project the repository does not define.</summary>
    public AppProject? ProjectOf(Application app) =>
        Projects.TryGetValue(app.Project, out var project) ? project : app.Project == "default" ? AppProject.Default : null;
}

/// <summary>
/// An Application, the file in the config repository that defines it (e.g. <c>apps/guestbook.yaml</c>), and its manifest
/// as JSON (kept with the app's state, so its destination and finalizers are known after it is removed from Git).
/// </summary>
internal sealed record ConfiguredApp(Application Application, string File, string Manifest);
