using Microsoft.AspNetCore.Http;
using ServerlessDeploy.State;

namespace ServerlessDeploy.Dashboard.Apps;

/// <summary>The app list's filters and page, read from the URL's query so a filtered list can be bookmarked and shared.</summary>
/// <param name="Search">Matched against the app's name, case-insensitively; empty matches every app.</param>
/// <param name="Page">1-based.</param>
public sealed record AppListQuery(SyncStatusCode? Sync, HealthCode? Health, string Search, int Page)
{
    public const int PageSize = 100;

    public static AppListQuery From(IQueryCollection query) =>
        new(
            Enum.TryParse<SyncStatusCode>(query["sync"], ignoreCase: true, out var sync) ? sync : null,
            Enum.TryParse<HealthCode>(query["health"], ignoreCase: true, out var health) ? health : null,
            query["q"].ToString().Trim(),
            int.TryParse(query["page"], out var page) && page > 0 ? page : 1);
}
