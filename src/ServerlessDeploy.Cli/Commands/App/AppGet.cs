using System.CommandLine;
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
            var recorded = await RecordedApp.LoadAsync(parse.GetValue(state), app.Application.Name, cancellationToken);
            var comparison = await app.Engine(parse.GetValue(kubeconfig), parse.GetValue(context)).CompareAsync(app.Application, app.SourceRoot, recorded?.ImageOverrides ?? [], cancellationToken);
            if (comparison.Errors.Count > 0)
            {
                throw CliFailure.Operation(string.Join("; ", comparison.Errors));
            }

            var rows = comparison.Diffs.Select(d => (Diff: d, Health: comparison.Live.TryGetValue(d.Key, out var live) ? HealthAssessment.Of(live) : null)).ToList();
            var health = HealthAggregate.Worst(rows.Select(r => r.Diff.Status == Core.Diff.SyncStatus.Missing ? new HealthResult(HealthStatus.Missing, "") : r.Health));
            var view = AppGetView.Build(app, comparison.InSync, health.Status, rows, recorded);
            await output.WriteAsync(parse.GetValue(format) switch
            {
                "json" => view.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n",
                "yaml" => Core.Yaml.YamlWriter.Write(view),
                _ => AppGetTable.Render(view, rows),
            });
            return 0;
        }));
        return command;
    }
}
