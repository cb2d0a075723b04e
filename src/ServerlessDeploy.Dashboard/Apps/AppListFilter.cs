using ServerlessDeploy.State;
using ServerlessDeploy.State.ReadModel;

namespace ServerlessDeploy.Dashboard.Apps;

/// <summary>Whether an app passes the list's filters: every filter given must match (an empty one matches all).</summary>
public static class AppListFilter
{
    public static bool Matches(AppSummary app, AppListQuery query)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(query);
        var facets = app.Facets;
        return (query.Sync is not { } sync || app.Sync == sync)
            && (query.Health is not { } health || (app.Health ?? HealthCode.Unknown) == health)
            && Is(query.Project, facets.Project)
            && (query.Cluster.Length == 0 || query.Cluster == facets.Server || query.Cluster == facets.ClusterName)
            && Is(query.Namespace, facets.Namespace)
            && (query.Repository.Length == 0 || facets.Repositories.Contains(query.Repository, StringComparer.Ordinal))
            && query.Labels.All(label => label.IsMetBy(facets.Labels))
            && (query.Search.Length == 0 || app.Name.Contains(query.Search, StringComparison.OrdinalIgnoreCase));
    }

    private static bool Is(string wanted, string value) => wanted.Length == 0 || string.Equals(wanted, value, StringComparison.Ordinal);
}
