using System.CommandLine;
using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Health;

namespace ServerlessDeploy.Cli.Commands.App;

/// <summary>
/// `sdeploy app get app.yaml --kubeconfig k [--state dir]`: sync status, health, and each resource; with --state (the
/// folder `sdeploy events replay` keeps), also the recorded revision, last operation, images, image overrides (applied
/// to the comparison, as the deployer applies them) and history.
/// </summary>
internal static class AppGet
{
    public static Command Build(TextWriter output, TextWriter errors)
    {
        var (file, kubeconfig, context, format) = (AppOptions.File(), AppOptions.Kubeconfig(), AppOptions.Context(), AppOptions.Output("table", "json", "yaml"));
        var state = new Option<string?>("--state") { Description = "The local state folder (as given to `sdeploy events replay`): show what the pipeline recorded" };
        var command = new Command("get", "Show an Application's sync status, health and resources") { file, kubeconfig, context, format, state };
        command.SetAction((parse, cancellationToken) => AppContext.RunAsync(errors, async () =>
        {
            var app = await AppContext.LoadAsync(parse.GetRequiredValue(file), cancellationToken);
            var recorded = await RecordedAsync(parse.GetValue(state), app.Application.Name, cancellationToken);
            var comparison = await app.Engine(parse.GetValue(kubeconfig), parse.GetValue(context)).CompareAsync(app.Application, app.SourceRoot, recorded.State?.ImageOverrides ?? [], cancellationToken);
            if (comparison.Errors.Count > 0)
            {
                throw CliFailure.Operation(string.Join("; ", comparison.Errors));
            }

            var rows = comparison.Diffs.Select(d => (Diff: d, Health: comparison.Live.TryGetValue(d.Key, out var live) ? HealthAssessment.Of(live) : null)).ToList();
            var health = HealthAggregate.Worst(rows.Select(r => r.Diff.Status == Core.Diff.SyncStatus.Missing ? new HealthResult(HealthStatus.Missing, "") : r.Health));
            var view = new JsonObject
            {
                ["name"] = app.Application.Name,
                ["project"] = app.Application.Project,
                ["source"] = $"{app.Application.Source.RepoUrl} {app.Application.Source.Path}@{app.Application.Source.TargetRevision}",
                ["syncStatus"] = comparison.InSync ? "Synced" : "OutOfSync",
                ["health"] = health.Status.ToString(),
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
            if (recorded.State is { } known)
            {
                view["revision"] = known.Revision;
                view["operation"] = $"{known.Phase}: {known.Message}";
                view["images"] = new JsonArray(known.Images.Select(i => (JsonNode)JsonValue.Create(i)).ToArray());
                view["imageOverrides"] = new JsonArray(known.ImageOverrides.Select(i => (JsonNode)JsonValue.Create(i)).ToArray());
                view["history"] = new JsonArray(recorded.History.Select(h => (JsonNode)new JsonObject { ["id"] = h.Id, ["revision"] = h.Revision, ["deployedAt"] = h.DeployedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture) }).ToArray());
            }

            if (recorded.Cursor is { Status: Core.Sync.Cursor.CursorStatus.Waiting, Wait: { } wait } waiting)
            {
                view["waiting"] = new JsonObject
                {
                    ["sync"] = waiting.Id,
                    ["revision"] = waiting.Revision,
                    ["step"] = waiting.Current?.Name,
                    ["for"] = wait.Reason,
                    ["wakesAt"] = wait.WakeAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                    ["givesUpAt"] = wait.GivesUpAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                };
            }

            await output.WriteAsync(parse.GetValue(format) switch
            {
                "json" => view.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n",
                "yaml" => Core.Yaml.YamlWriter.Write(view),
                _ => Table(view, rows),
            });
            return 0;
        }));
        return command;
    }

    private static async Task<(Pipeline.State.AppState? State, IReadOnlyList<Pipeline.State.HistoryEntry> History, Core.Sync.Cursor.SyncCursor? Cursor)> RecordedAsync(
        string? folder, string app, CancellationToken cancellationToken)
    {
        if (folder is null)
        {
            return (null, [], null);
        }

        if (!Directory.Exists(folder))
        {
            throw CliFailure.Input($"--state {folder}: no such folder");
        }

        using var store = new Local.State.SqliteStateStore(folder);
        return (await store.GetAppAsync(app, cancellationToken), await store.HistoryAsync(app, cancellationToken), await store.GetCursorAsync(app, cancellationToken));
    }

    private static string Table(JsonObject view, IEnumerable<(Core.Diff.ResourceDiff Diff, HealthResult? Health)> rows) =>
        $"Name:        {view["name"]}\nProject:     {view["project"]}\nSource:      {view["source"]}\nSync Status: {view["syncStatus"]}\nHealth:      {view["health"]}\n"
        + (view["revision"] is null && view["operation"] is null ? "" :
            $"Revision:    {view["revision"]}\nOperation:   {view["operation"]}\nImages:      {string.Join(", ", view["images"]!.AsArray())}\nOverrides:   {string.Join(", ", view["imageOverrides"]!.AsArray())}\nHistory:     {string.Join(", ", view["history"]!.AsArray().Select(h => $"{h!["id"]}={h["revision"]!.ToString()[..Math.Min(7, h["revision"]!.ToString().Length)]}"))}\n")
        + (view["waiting"] is JsonObject waiting ? $"Waiting:     {waiting["step"]}: {waiting["for"]} (wakes at {waiting["wakesAt"]}, gives up at {waiting["givesUpAt"]})\n" : "")
        + "\n"
        + Tables.Render(["KIND", "NAMESPACE", "NAME", "STATUS", "HEALTH"], rows.Select(r => new[] { r.Diff.Key.Kind, r.Diff.Key.Namespace, r.Diff.Key.Name, r.Diff.Status.ToString(), r.Health?.Status.ToString() ?? "" }));
}
