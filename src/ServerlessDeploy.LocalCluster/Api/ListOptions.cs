using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using ServerlessDeploy.LocalCluster.Resources;
using ServerlessDeploy.LocalCluster.Selectors;

namespace ServerlessDeploy.LocalCluster.Api;

/// <summary>The query of a list or watch: selectors, paging, the revision to start from.</summary>
internal sealed record ListOptions(
    LabelSelector Labels,
    FieldSelector Fields,
    int Limit,
    string? ContinueAfter,
    bool Watch,
    string ResourceVersion,
    int TimeoutSeconds,
    bool Bookmarks)
{
    public static ListOptions From(IQueryCollection query, ResourceType type)
    {
        try
        {
            return new ListOptions(
                LabelSelector.Parse(query["labelSelector"]),
                FieldSelector.Parse(query["fieldSelector"], type),
                Number(query["limit"], "limit"),
                DecodeContinue(query["continue"].ToString()),
                query["watch"] is var w && (w == "true" || w == "1"),
                query["resourceVersion"].ToString(),
                Number(query["timeoutSeconds"], "timeoutSeconds"),
                query["allowWatchBookmarks"] == "true");
        }
        catch (FormatException e)
        {
            throw Errors.BadRequest(e.Message);
        }
    }

    public static string EncodeContinue(string after) => Convert.ToBase64String(Encoding.UTF8.GetBytes(after));

    private static string? DecodeContinue(string token)
    {
        if (token.Length == 0)
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(token));
        }
        catch (FormatException)
        {
            throw new FormatException("continue key is not valid: illegal base64 data");
        }
    }

    private static int Number(string? text, string name) =>
        string.IsNullOrEmpty(text) ? 0
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
        : throw new FormatException($"invalid {name}: {text}");
}
