using System.CommandLine;
using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Health;

namespace ServerlessDeploy.Cli.Commands.App;

/// <summary>`sdeploy app get app.yaml --kubeconfig k`: sync status, health, and each resource.</summary>
internal static class AppGet
{
    public static Command Build(TextWriter output, TextWriter errors)
    {
        var (file, kubeconfig, context, format) = (AppOptions.File(), AppOptions.Kubeconfig(), AppOptions.Context(), AppOptions.Output("table", "json", "yaml"));
        var command = new Command("get", "Show an Application's sync status, health and resources") { file, kubeconfig, context, format };
        command.SetAction((parse, cancellationToken) => AppContext.RunAsync(errors, async () =>
        {
            var app = await AppContext.LoadAsync(parse.GetValue(file)!, cancellationToken);
            var comparison = await app.Engine(parse.GetValue(kubeconfig), parse.GetValue(context)).CompareAsync(app.Application, app.SourceRoot, [], cancellationToken);
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

    private static string Table(JsonObject view, IEnumerable<(Core.Diff.ResourceDiff Diff, HealthResult? Health)> rows) =>
        $"Name:        {view["name"]}\nProject:     {view["project"]}\nSource:      {view["source"]}\nSync Status: {view["syncStatus"]}\nHealth:      {view["health"]}\n\n"
        + Tables.Render(["KIND", "NAMESPACE", "NAME", "STATUS", "HEALTH"], rows.Select(r => new[] { r.Diff.Key.Kind, r.Diff.Key.Namespace, r.Diff.Key.Name, r.Diff.Status.ToString(), r.Health?.Status.ToString() ?? "" }));
}
