using System.Globalization;
using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Diff;
using ServerlessDeploy.Core.Health;
using ServerlessDeploy.State.ReadModel;

namespace ServerlessDeploy.Cli.Commands.App;

/// <summary>The view `sdeploy app get` prints: the live comparison, and with --state what the pipeline recorded.</summary>
internal static class AppGetView
{
    public static JsonObject Build(AppContext app, bool inSync, HealthStatus health, IReadOnlyList<(ResourceDiff Diff, HealthResult? Health)> rows, AppDetail? recorded)
    {
        var view = new JsonObject
        {
            ["name"] = app.Application.Name,
            ["project"] = app.Application.Project,
            ["source"] = $"{app.Application.Source.RepoUrl} {app.Application.Source.Path}@{app.Application.Source.TargetRevision}",
            ["syncStatus"] = inSync ? "Synced" : "OutOfSync",
            ["health"] = health.ToString(),
            ["resources"] = new JsonArray(rows.Select(r => (JsonNode)new JsonObject
            {
                ["group"] = r.Diff.Key.Group,
                ["kind"] = r.Diff.Key.Kind,
                ["namespace"] = r.Diff.Key.Namespace,
                ["name"] = r.Diff.Key.Name,
                ["status"] = r.Diff.Status.ToString(),
                ["health"] = r.Health?.Status.ToString(),
            }).ToArray()),
        };
        if (recorded is not null)
        {
            AddRecorded(view, recorded);
        }

        return view;
    }

    private static void AddRecorded(JsonObject view, AppDetail recorded)
    {
        var (summary, operation) = (recorded.Summary, recorded.Summary.LastOperation);
        view["revision"] = summary.Revision;
        view["operation"] = $"{operation.Phase}: {operation.Message}";
        view["images"] = Texts(summary.Images);
        view["imageOverrides"] = Texts(recorded.ImageOverrides);
        view["history"] = new JsonArray(recorded.History.Select(h => (JsonNode)new JsonObject { ["id"] = h.Id, ["revision"] = h.Revision, ["deployedAt"] = Instant(h.DeployedAt) }).ToArray());
        if (recorded.Waiting is { } waiting)
        {
            view["waiting"] = new JsonObject
            {
                ["sync"] = waiting.Id,
                ["revision"] = waiting.Revision,
                ["step"] = waiting.Step,
                ["for"] = waiting.Reason,
                ["wakesAt"] = Instant(waiting.WakesAt),
                ["givesUpAt"] = waiting.GivesUpAt is { } givesUpAt ? Instant(givesUpAt) : null,
            };
        }
    }

    private static JsonArray Texts(IEnumerable<string> texts) => new(texts.Select(t => (JsonNode)JsonValue.Create(t)).ToArray());

    private static string Instant(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);
}
