using System.Collections.Frozen;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using ServerlessDeploy.State;

namespace ServerlessDeploy.Dashboard.Apps;

/// <summary>
/// Reads the app list's filters from the URL's query. A value the list cannot match (a status that is not one of Argo
/// CD's words, a page that is not a page, a parameter the list does not take) is refused by name rather than ignored,
/// so a mistyped link never quietly shows every app. Statuses match case-insensitively; an empty value is no filter,
/// as a form's "all" choice sends it.
/// </summary>
public static class AppListQueryReader
{
    public const string Sync = "sync";
    public const string Health = "health";
    public const string Project = "project";
    public const string Cluster = "cluster";
    public const string Namespace = "namespace";
    public const string Label = "label";
    public const string Repository = "repo";
    public const string Search = "q";
    public const string Page = "page";

    private static readonly FrozenSet<string> Known =
        new[] { Sync, Health, Project, Cluster, Namespace, Label, Repository, Search, Page }.ToFrozenSet(StringComparer.Ordinal);

    public static AppListQueryReading Read(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Keys.FirstOrDefault(name => !Known.Contains(name)) is { } unknown)
        {
            return new AppListQueryReading.Invalid(unknown, $"The list takes no parameter \"{unknown}\"; it takes {string.Join(", ", Known.Order(StringComparer.Ordinal))}.");
        }

        if (query.FirstOrDefault(p => p.Key != Label && p.Value.Count > 1) is { Key: { } repeated })
        {
            return new AppListQueryReading.Invalid(repeated, $"\"{repeated}\" is given {query[repeated].Count} times; give it once.");
        }

        var (sync, badSync) = Status<SyncStatusCode>(query, Sync);
        var (health, badHealth) = Status<HealthCode>(query, Health);
        var (labels, badLabel) = Labels(query);
        var page = PageNumber(query[Page]);
        if ((badSync ?? badHealth ?? badLabel) is { } invalid)
        {
            return invalid;
        }

        if (page is null)
        {
            return new AppListQueryReading.Invalid(Page, $"\"{query[Page]}\" is not a page: pages are numbered from 1.");
        }

        return new AppListQueryReading.Valid(new AppListQuery(
            sync, health, Text(query, Project), Text(query, Cluster), Text(query, Namespace), Text(query, Repository), labels, Text(query, Search), page.Value));
    }

    /// <summary>The status the parameter names in Argo CD's words (never a number, which Enum.TryParse would take).</summary>
    private static (TStatus? Value, AppListQueryReading.Invalid? Invalid) Status<TStatus>(IQueryCollection query, string parameter)
        where TStatus : struct, Enum
    {
        var text = query[parameter].ToString().Trim();
        if (text.Length == 0)
        {
            return (null, null);
        }

        var words = Enum.GetValues<TStatus>().Select(status => status.ToString()).ToList();
        return words.FirstOrDefault(word => string.Equals(word, text, StringComparison.OrdinalIgnoreCase)) is { } word
            ? (Enum.Parse<TStatus>(word), null)
            : (null, new AppListQueryReading.Invalid(parameter, $"\"{text}\" is not a {parameter} status: it is one of {string.Join(", ", words)}."));
    }

    private static (List<LabelRequirement> Labels, AppListQueryReading.Invalid? Invalid) Labels(IQueryCollection query)
    {
        var labels = new List<LabelRequirement>();
        foreach (var text in query[Label].Select(text => (text ?? "").Trim()).Where(text => text.Length > 0))
        {
            if (LabelRequirement.Parse(text) is not { } label)
            {
                return ([], new AppListQueryReading.Invalid(Label, $"\"{text}\" is not a label: write key=value, or key for any value."));
            }

            labels.Add(label);
        }

        return (labels, null);
    }

    private static int? PageNumber(StringValues text)
    {
        var trimmed = text.ToString().Trim();
        if (trimmed.Length == 0)
        {
            return 1;
        }

        return int.TryParse(trimmed, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var page) && page > 0 ? page : null;
    }

    private static string Text(IQueryCollection query, string parameter) => query[parameter].ToString().Trim();
}
