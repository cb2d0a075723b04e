using ServerlessDeploy.State.ReadModel;

namespace ServerlessDeploy.Dashboard.Apps;

/// <summary>The values the fleet holds for each filter, sorted, for the list's select boxes.</summary>
public sealed record AppListChoices(
    IReadOnlyList<string> Projects,
    IReadOnlyList<string> Clusters,
    IReadOnlyList<string> Namespaces,
    IReadOnlyList<string> Repositories,
    IReadOnlyList<LabelRequirement> Labels)
{
    public static AppListChoices Of(IReadOnlyList<AppSummary> apps)
    {
        ArgumentNullException.ThrowIfNull(apps);
        var facets = apps.Select(app => app.Facets).ToList();
        return new AppListChoices(
            Sorted(facets.Select(f => f.Project)),
            Sorted(facets.SelectMany(f => new[] { f.Server, f.ClusterName })),
            Sorted(facets.Select(f => f.Namespace)),
            Sorted(facets.SelectMany(f => f.Repositories)),
            // As value tuples: KeyValuePair has no equality of its own, so Distinct would compare its fields by reflection.
            [.. facets.SelectMany(f => f.Labels.Select(l => (l.Key, l.Value))).Distinct().OrderBy(l => l.Key, StringComparer.Ordinal).ThenBy(l => l.Value, StringComparer.Ordinal)
                .Select(l => new LabelRequirement(l.Key, l.Value))]);
    }

    private static List<string> Sorted(IEnumerable<string> values) =>
        [.. values.Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
