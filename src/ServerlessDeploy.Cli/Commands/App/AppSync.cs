using System.CommandLine;
using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Engine;
using ServerlessDeploy.Core.Health;
using ServerlessDeploy.Core.Rollouts;
using ServerlessDeploy.Core.Triggers;

namespace ServerlessDeploy.Cli.Commands.App;

/// <summary>
/// `sdeploy app sync app.yaml --kubeconfig k [--prune] [--dry-run] [--timeout s]`: apply in order, wait for health, print the result table.
/// `sdeploy app sync name --remote [--queue-url u] [--revision r]`: ask the deployed pipeline to sync instead.
/// </summary>
internal static class AppSync
{
    public static Command Build(TextWriter output, TextWriter errors, Func<string, string?> environment)
    {
        var (kubeconfig, context, format) = (AppOptions.Kubeconfig(), AppOptions.Context(), AppOptions.Output("table", "json", "yaml"));
        var file = new Argument<string>("application") { Description = "The Application manifest; with --remote, the Application's name" };
        var prune = new Option<bool>("--prune") { Description = "Delete tracked resources Git no longer has" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Send every write as a server-side dry run; change nothing" };
        var applyAll = new Option<bool>("--apply-all") { Description = "Apply every resource, not only those out of sync" };
        var projectFile = new Option<string?>("--project") { Description = "AppProject manifest (default: the config repository's projects/ folder)" };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for health per wave", DefaultValueFactory = _ => 300 };
        timeout.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() <= 0)
            {
                r.AddError("--timeout must be a positive number of seconds");
            }
        });
        var (remote, revision) = (new RemoteOptions(), new Option<string?>("--revision") { Description = "With --remote: the revision to sync to (default: the Application's)" });
        var state = new Option<string?>("--state") { Description = "Take the app's lease in this local state folder (as `sdeploy events replay` keeps it) while syncing" };
        var table = new Option<string?>("--table") { Description = "Take the app's lease in the stack's DynamoDB table while syncing, so the pipeline never syncs it at the same time" };
        var command = new Command("sync", "Make the cluster match Git for an Application") { file, kubeconfig, context, format, prune, dryRun, applyAll, timeout, projectFile, remote.Remote, remote.QueueUrl, revision, state, table };
        command.SetAction((parse, cancellationToken) => AppContext.RunAsync(errors, async () =>
        {
            if (parse.GetValue(remote.Remote))
            {
                RemoteOptions.Refuse(parse, [kubeconfig, context, format, prune, dryRun, applyAll, timeout, projectFile, state, table], "does not apply with --remote: the pipeline syncs with its own settings");
                var sync = new SyncRequested(RemoteOptions.AppName(parse.GetRequiredValue(file)), parse.GetValue(revision), AppSyncRemote.Requester(environment));
                return await AppSyncRemote.SendAsync(sync, IntakeQueue.Resolve(parse.GetValue(remote.QueueUrl), environment), output, cancellationToken);
            }

            RemoteOptions.Refuse(parse, [remote.QueueUrl, revision], "needs --remote");
            var app = await AppContext.LoadAsync(parse.GetRequiredValue(file), cancellationToken);
            var project = await ProjectFile.FindAsync(app.Application, parse.GetValue(projectFile), errors, cancellationToken);
            var request = new SyncRequest(parse.GetValue(prune), parse.GetValue(dryRun), parse.GetValue(applyAll), TimeSpan.FromSeconds(parse.GetValue(timeout)));
            var hold = TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(parse.GetValue(timeout));
            await using var lease = await SyncLease.TakeAsync(parse.GetValue(state), parse.GetValue(table), app.Application.Name, hold, environment, TimeProvider.System, cancellationToken);
            var result = await app.Engine(parse.GetValue(kubeconfig), parse.GetValue(context)).SyncAsync(app.Application, project, app.SourceRoot, app.Revision, request, [], cancellationToken);
            if (result.Unreadable is { } unreadable)
            {
                throw CliFailure.Operation(unreadable);
            }

            await output.WriteAsync(parse.GetValue(format) switch
            {
                "json" => Json(result).ToJsonString(Indented) + "\n",
                "yaml" => Core.Yaml.YamlWriter.Write(Json(result)),
                _ => Text(result),
            });
            // A canary at an indefinite pause is where a sync of it ends: the app is Suspended, waiting for a promotion.
            var healthy = result.Health is null or HealthStatus.Healthy
                || (result.Health == HealthStatus.Suspended && result.Rollouts.Any(r => r.End == RolloutDriveEnd.Paused));
            return result.Succeeded && healthy ? 0 : 1;
        }));
        return command;
    }

    private static string Text(SyncResult result)
    {
        var table = Tables.Render(
            ["PHASE", "WAVE", "KIND", "NAMESPACE", "NAME", "RESULT", "MESSAGE"],
            result.Resources.Select(r => new[] { r.Phase.ToString(), r.Wave.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Key.Kind, r.Key.Namespace, r.Key.Name, r.Action.Text(), r.Message }));
        var status = result.Succeeded ? "Succeeded" : "Failed";
        var rollouts = string.Concat(result.Rollouts.Select(r => $"Rollout:   {r.Id}: {r.Progress}\n"));
        return $"{table}\nOperation: {status}: {result.Message}\nHealth:    {result.Health?.ToString() ?? "-"}\n{rollouts}";
    }

    private static readonly System.Text.Json.JsonSerializerOptions Indented = new() { WriteIndented = true };

    private static JsonObject Json(SyncResult result) => new()
    {
        ["application"] = result.Application,
        ["succeeded"] = result.Succeeded,
        ["message"] = result.Message,
        ["health"] = result.Health?.ToString(),
        ["resources"] = new JsonArray(result.Resources.Select(r => (JsonNode)new JsonObject
        {
            ["phase"] = r.Phase.ToString(),
            ["wave"] = r.Wave,
            ["group"] = r.Key.Group,
            ["kind"] = r.Key.Kind,
            ["namespace"] = r.Key.Namespace,
            ["name"] = r.Key.Name,
            ["result"] = r.Action.Text(),
            ["message"] = r.Message,
        }).ToArray()),
        ["rollouts"] = new JsonArray(result.Rollouts.Select(r => (JsonNode)new JsonObject
        {
            ["namespace"] = r.Namespace,
            ["name"] = r.Name,
            ["end"] = r.End.ToString(),
            ["phase"] = r.Progress.Phase,
            ["step"] = r.Progress.StepIndex,
            ["steps"] = r.Progress.StepCount,
            ["message"] = r.Progress.Message.Length > 0 ? r.Progress.Message : r.Message,
        }).ToArray()),
    };
}
