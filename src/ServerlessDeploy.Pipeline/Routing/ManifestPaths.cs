using ServerlessDeploy.Core.Applications;

namespace ServerlessDeploy.Pipeline.Routing;

/// <summary>
/// The repository paths whose changes concern an app: its source path, or the paths of Argo CD's
/// <c>argocd.argoproj.io/manifest-generate-paths</c> annotation (<c>;</c>-separated, relative to the source path,
/// or from the repository root when they start with <c>/</c>).
/// </summary>
internal static class ManifestPaths
{
    public const string Annotation = "argocd.argoproj.io/manifest-generate-paths";

    public static bool Concern(Application app, IEnumerable<string> changedPaths)
    {
        var roots = RootsOf(app);
        return changedPaths.Any(changed => roots.Any(root => root.Length == 0 || changed == root || changed.StartsWith(root + "/", StringComparison.Ordinal)));
    }

    private static List<string> RootsOf(Application app)
    {
        var source = RepositoryPaths.Resolve("", app.Source.Path);
        if (!app.Annotations.TryGetValue(Annotation, out var list))
        {
            return [source];
        }

        return list.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => RepositoryPaths.Resolve(source, p))
            .ToList();
    }
}
