using ServerlessDeploy.State;
using ServerlessDeploy.State.ReadModel;

namespace ServerlessDeploy.Dashboard.Apps;

/// <summary>
/// One page of the app list: the rows of the page, how many apps matched, the count per status over the whole fleet
/// (every status, zero included), and the values each filter can take.
/// </summary>
public sealed record AppListPage(
    AppListQuery Query,
    IReadOnlyList<AppSummary> Rows,
    int Matched,
    int Total,
    IReadOnlyList<(SyncStatusCode Status, int Count)> SyncCounts,
    IReadOnlyList<(HealthCode Status, int Count)> HealthCounts,
    AppListChoices Choices)
{
    public int Pages => PagesFor(Matched);

    public bool HasPrevious => Query.Page > 1;

    public bool HasNext => Query.Page < Pages;

    /// <summary>Filters and pages on the server: the browser gets one page of rows, whatever the size of the fleet.</summary>
    public static AppListPage Of(IReadOnlyList<AppSummary> apps, AppListQuery query)
    {
        ArgumentNullException.ThrowIfNull(apps);
        ArgumentNullException.ThrowIfNull(query);
        var matched = apps.Where(app => AppListFilter.Matches(app, query)).ToList();
        return new AppListPage(
            query,
            [.. matched.Skip((query.Page - 1) * AppListQuery.PageSize).Take(AppListQuery.PageSize)],
            matched.Count,
            apps.Count,
            [.. Enum.GetValues<SyncStatusCode>().Select(status => (status, apps.Count(app => app.Sync == status)))],
            // An app never assessed shows as Unknown, so it is counted (and filtered) as Unknown.
            [.. Enum.GetValues<HealthCode>().Select(status => (status, apps.Count(app => (app.Health ?? HealthCode.Unknown) == status)))],
            AppListChoices.Of(apps));
    }

    public static int PagesFor(int matched) => Math.Max(1, (matched + AppListQuery.PageSize - 1) / AppListQuery.PageSize);
}
