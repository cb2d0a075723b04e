using ServerlessDeploy.State;
using ServerlessDeploy.State.ReadModel;

namespace ServerlessDeploy.Dashboard.Apps;

/// <summary>One page of the app list: the rows of the page, how many apps matched, and the count per status over all apps.</summary>
public sealed record AppListPage(
    AppListQuery Query,
    IReadOnlyList<AppSummary> Rows,
    int Matched,
    int Total,
    IReadOnlyDictionary<SyncStatusCode, int> SyncCounts,
    IReadOnlyDictionary<HealthCode, int> HealthCounts)
{
    public int Pages => Math.Max(1, (Matched + AppListQuery.PageSize - 1) / AppListQuery.PageSize);

    /// <summary>Filters and pages on the server: the browser gets one page of rows, whatever the size of the fleet.</summary>
    public static AppListPage Of(IReadOnlyList<AppSummary> apps, AppListQuery query)
    {
        var matched = apps.Where(a => Matches(a, query)).ToList();
        return new AppListPage(
            query,
            [.. matched.Skip((query.Page - 1) * AppListQuery.PageSize).Take(AppListQuery.PageSize)],
            matched.Count,
            apps.Count,
            apps.GroupBy(a => a.Sync).ToDictionary(g => g.Key, g => g.Count()),
            apps.Select(a => a.Health).OfType<HealthCode>().GroupBy(h => h).ToDictionary(g => g.Key, g => g.Count()));
    }

    private static bool Matches(AppSummary app, AppListQuery query) =>
        (query.Sync is not { } sync || app.Sync == sync)
        && (query.Health is not { } health || app.Health == health)
        && (query.Search.Length == 0 || app.Name.Contains(query.Search, StringComparison.OrdinalIgnoreCase));
}
