using System.Text.RegularExpressions;
using ServerlessDeploy.Core.Resources;

namespace ServerlessDeploy.Core.Applications;

/// <summary>
/// What an AppProject forbids, checked before any write, with Argo CD's rules: the source repository and the
/// destination must match a pattern; cluster-scoped kinds must be whitelisted; namespaced kinds must not be
/// blacklisted (nor missing from a whitelist, when there is one).
/// </summary>
internal static class ProjectPolicy
{
    public static IReadOnlyList<string> Violations(AppProject project, Application app, IEnumerable<(Manifest Manifest, bool Namespaced)> resources)
    {
        var violations = new List<string>();
        if (!project.SourceRepos.Any(p => Glob(p, app.Source.RepoUrl)))
        {
            violations.Add($"source repository {app.Source.RepoUrl} is not permitted in project '{project.Name}' (sourceRepos)");
        }

        var ns = app.Destination.Namespace;
        if (!project.Destinations.Any(d => (d.Server is null || Glob(d.Server, app.Destination.Server ?? "")) && (d.Name is null || Glob(d.Name, app.Destination.Name ?? "")) && Glob(d.Namespace, ns)))
        {
            violations.Add($"destination {app.Destination.Server ?? app.Destination.Name} namespace '{ns}' is not permitted in project '{project.Name}' (destinations)");
        }

        foreach (var (manifest, namespaced) in resources)
        {
            if (KindProblem(project, manifest, namespaced) is { } rule)
            {
                violations.Add($"{manifest.Key}: {manifest.Group}/{manifest.Kind} is not permitted in project '{project.Name}' ({rule})");
            }
            else if (namespaced && !project.Destinations.Any(d => Glob(d.Namespace, manifest.Namespace)))
            {
                violations.Add($"{manifest.Key}: namespace '{manifest.Namespace}' is not permitted in project '{project.Name}' (destinations)");
            }
        }

        return violations;
    }

    private static string? KindProblem(AppProject project, Manifest manifest, bool namespaced)
    {
        bool Listed(IReadOnlyList<GroupKind> list) => list.Any(g => Glob(g.Group, manifest.Group) && Glob(g.Kind, manifest.Kind));
        if (!namespaced)
        {
            return !Listed(project.ClusterResourceWhitelist) ? "not in clusterResourceWhitelist"
                : Listed(project.ClusterResourceBlacklist) ? "in clusterResourceBlacklist" : null;
        }

        return project.NamespaceResourceWhitelist.Count > 0 && !Listed(project.NamespaceResourceWhitelist) ? "not in namespaceResourceWhitelist"
            : Listed(project.NamespaceResourceBlacklist) ? "in namespaceResourceBlacklist" : null;
    }

    private static bool Glob(string pattern, string value) =>
        Regex.IsMatch(value, "^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal) + "$", RegexOptions.None, TimeSpan.FromSeconds(1));
}
