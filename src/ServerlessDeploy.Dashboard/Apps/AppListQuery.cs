using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using ServerlessDeploy.State;

namespace ServerlessDeploy.Dashboard.Apps;

/// <summary>
/// The app list's filters and page, as the URL's query gives them (see <see cref="AppListQueryReader"/>), so a filtered
/// list can be bookmarked and shared. An empty text filter matches every app.
/// </summary>
/// <param name="Cluster">The destination's server or name.</param>
/// <param name="Repository">One of the app's source repositories.</param>
/// <param name="Labels">Each must be met (a label selector's AND).</param>
/// <param name="Search">Matched against the app's name, case-insensitively.</param>
/// <param name="Page">1-based.</param>
public sealed record AppListQuery(
    SyncStatusCode? Sync,
    HealthCode? Health,
    string Project,
    string Cluster,
    string Namespace,
    string Repository,
    IReadOnlyList<LabelRequirement> Labels,
    string Search,
    int Page)
{
    public const int PageSize = 100;

    public static readonly AppListQuery All = new(null, null, "", "", "", "", [], "", 1);

    /// <summary>Every app with that sync status: where a count links.</summary>
    public static AppListQuery Of(SyncStatusCode sync) => All with { Sync = sync };

    /// <summary>Every app with that health: where a count links.</summary>
    public static AppListQuery Of(HealthCode health) => All with { Health = health };

    /// <summary>True when some filter narrows the list.</summary>
    public bool Filters =>
        Sync is not null || Health is not null || Labels.Count > 0
        || Project.Length + Cluster.Length + Namespace.Length + Repository.Length + Search.Length > 0;

    /// <summary>The list's URL with these filters at <paramref name="page"/>: paging keeps the filters.</summary>
    public string Link(int page) => "/applications" + QueryString(page);

    /// <summary>The live stream of this very page of the list (<see cref="Live.AppListStreamEndpoints"/>).</summary>
    public string StreamLink() => "/stream/applications" + QueryString(Page);

    private string QueryString(int page)
    {
        var query = new QueryBuilder();
        Add(query, AppListQueryReader.Sync, Sync?.ToString());
        Add(query, AppListQueryReader.Health, Health?.ToString());
        Add(query, AppListQueryReader.Project, Project);
        Add(query, AppListQueryReader.Cluster, Cluster);
        Add(query, AppListQueryReader.Namespace, Namespace);
        Add(query, AppListQueryReader.Repository, Repository);
        foreach (var label in Labels)
        {
            Add(query, AppListQueryReader.Label, label.ToString());
        }

        Add(query, AppListQueryReader.Search, Search);
        Add(query, AppListQueryReader.Page, page > 1 ? page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
        return query.ToQueryString().Value ?? "";
    }

    private static void Add(QueryBuilder query, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            query.Add(name, value);
        }
    }
}
