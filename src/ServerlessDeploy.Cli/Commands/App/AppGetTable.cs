using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Diff;
using ServerlessDeploy.Core.Health;

namespace ServerlessDeploy.Cli.Commands.App;

/// <summary>`sdeploy app get`'s table: the view's header lines, then a row per resource.</summary>
internal static class AppGetTable
{
    public static string Render(JsonObject view, IEnumerable<(ResourceDiff Diff, HealthResult? Health)> rows) =>
        $"Name:        {view["name"]}\nProject:     {view["project"]}\nSource:      {view["source"]}\nSync Status: {view["syncStatus"]}\nHealth:      {view["health"]}\n"
        + (view["revision"] is null && view["operation"] is null ? "" :
            $"Revision:    {view["revision"]}\nOperation:   {view["operation"]}\nImages:      {Texts(view, "images")}\nOverrides:   {Texts(view, "imageOverrides")}\nHistory:     {string.Join(", ", Items(view, "history").OfType<JsonObject>().Select(h => $"{h["id"]}={Short($"{h["revision"]}")}"))}\n")
        + (view["waiting"] is JsonObject waiting ? $"Waiting:     {waiting["step"]}: {waiting["for"]} (wakes at {waiting["wakesAt"]}, gives up at {waiting["givesUpAt"]})\n" : "")
        + "\n"
        + Tables.Render(["KIND", "NAMESPACE", "NAME", "STATUS", "HEALTH"], rows.Select(r => new[] { r.Diff.Key.Kind, r.Diff.Key.Namespace, r.Diff.Key.Name, r.Diff.Status.ToString(), r.Health?.Status.ToString() ?? "" }));

    /// <summary>A list the view sets with the revision and the operation, empty in a view that has none.</summary>
    private static JsonArray Items(JsonObject view, string name) => view[name] as JsonArray ?? [];

    private static string Texts(JsonObject view, string name) => string.Join(", ", Items(view, name));

    private static string Short(string revision) => revision[..Math.Min(7, revision.Length)];
}
