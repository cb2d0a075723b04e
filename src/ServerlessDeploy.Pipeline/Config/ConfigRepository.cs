using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Core.Sources;
using ServerlessDeploy.Core.Yaml;

namespace ServerlessDeploy.Pipeline.Config;

/// <summary>
/// Reads the config repository's Applications and AppProjects at the head of its branch, cached by commit: one fetch
/// per call, and the files are read again only when the head moved.
/// </summary>
/// <remarks>
/// An Application whose repoURL is a relative path (as in examples/) points into the config repository itself: it is
/// rewritten to the config repository's URL and a path from its root, so it is versioned, routed and deployed like any
/// other. A relative path that leaves the repository is an error for that Application.
/// </remarks>
public sealed class ConfigRepository(ISourceRepository sources, PipelineSettings settings)
{
    private readonly Lock _gate = new();
    private ConfigSnapshot? _cached;

    /// <summary>The configuration at the head of the config branch (resolved now: one fetch when the remote moved).</summary>
    internal async Task<ConfigSnapshot> LoadAsync(CancellationToken cancellationToken)
    {
        var lookup = await sources.ResolveAsync(settings.ConfigRepoUrl, settings.ConfigBranch, cancellationToken);
        // Without its branch there is no configuration at all: the caller fails and is retried, as for an unreachable host.
        return await LoadAtAsync(lookup.Revision?.Id ?? throw new InvalidOperationException(lookup.Problem), cancellationToken);
    }

    /// <summary>
    /// The configuration at a commit already decided (the one the router read): nothing is resolved, and nothing is read
    /// again when it is the cached one. Null or empty means the head of the config branch.
    /// </summary>
    internal Task<ConfigSnapshot> LoadAsync(string? commit, CancellationToken cancellationToken) =>
        commit is { Length: > 0 } decided ? LoadAtAsync(decided, cancellationToken) : LoadAsync(cancellationToken);

    private async Task<ConfigSnapshot> LoadAtAsync(string commit, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_cached?.Commit == commit)
            {
                return _cached;
            }
        }

        var checkout = await sources.CheckoutAsync(settings.ConfigRepoUrl, commit, cancellationToken);
        var errors = new List<string>();
        var apps = await ApplicationsAsync(checkout, errors, cancellationToken);
        var snapshot = new ConfigSnapshot(checkout.RepoUrl, checkout.Revision, apps, await ProjectsAsync(checkout, errors, cancellationToken), errors);
        lock (_gate)
        {
            _cached = snapshot;
        }

        return snapshot;
    }

    private async Task<List<ConfiguredApp>> ApplicationsAsync(ISourceTree checkout, List<string> errors, CancellationToken cancellationToken)
    {
        var apps = new List<ConfiguredApp>();
        foreach (var (file, manifest) in await ManifestsAsync(checkout, settings.AppsPath, "Application", errors, cancellationToken))
        {
            var parsed = ApplicationReader.Read(manifest, Path.Combine(checkout.Root, file));
            if (!parsed.Succeeded)
            {
                errors.Add($"{file}: invalid Application: {string.Join("; ", parsed.Errors)}");
            }
            else if (apps.Any(a => a.Application.Name == parsed.Application.Name))
            {
                errors.Add($"{file}: Application '{parsed.Application.Name}' is defined twice; the first definition is used");
            }
            else if (InConfigRepository(parsed.Application, checkout.Root, file) is { } app)
            {
                apps.Add(new ConfiguredApp(app, file, manifest.ToJsonString()));
            }
            else
            {
                errors.Add($"{file}: spec.source.repoURL '{parsed.Application.Source.RepoUrl}' leaves the config repository");
            }
        }

        return apps;
    }

    private async Task<Dictionary<string, AppProject>> ProjectsAsync(ISourceTree checkout, List<string> errors, CancellationToken cancellationToken)
    {
        var projects = new Dictionary<string, AppProject>(StringComparer.Ordinal);
        foreach (var (file, manifest) in await ManifestsAsync(checkout, settings.ProjectsPath, "AppProject", errors, cancellationToken))
        {
            var (project, projectErrors) = AppProjectReader.Read(manifest);
            if (project is null)
            {
                errors.Add($"{file}: invalid AppProject: {string.Join("; ", projectErrors)}");
            }
            else
            {
                projects[project.Name] = project;
            }
        }

        return projects;
    }

    private Application? InConfigRepository(Application app, string root, string file)
    {
        var url = app.Source.RepoUrl;
        if (url.Contains("://", StringComparison.Ordinal) || Path.IsPathRooted(url))
        {
            return app;
        }

        var folder = Path.GetFullPath(Path.Combine(root, Path.GetDirectoryName(file) ?? "", url, app.Source.Path));
        var relative = Path.GetRelativePath(root, folder).Replace('\\', '/');
        if (relative == ".." || relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            return null;
        }

        var revision = app.Source.TargetRevision is "" or "HEAD" ? settings.ConfigBranch : app.Source.TargetRevision;
        return app with { Source = app.Source with { RepoUrl = settings.ConfigRepoUrl, Path = relative == "." ? "" : relative, TargetRevision = revision } };
    }

    private static async Task<List<(string File, JsonObject Manifest)>> ManifestsAsync(
        ISourceTree tree, string folder, string kind, List<string> errors, CancellationToken cancellationToken)
    {
        var found = new List<(string, JsonObject)>();
        var files = tree.FilesUnder(folder)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal));
        foreach (var file in files)
        {
            try
            {
                var documents = YamlReader.ReadAll(await tree.ReadTextAsync(file, cancellationToken), file);
                found.AddRange(documents.OfType<JsonObject>().Where(d => d["kind"]?.ToString() == kind).Select(d => (file, d)));
            }
            catch (FormatException e)
            {
                errors.Add(e.Message);
            }
        }

        return found;
    }
}
