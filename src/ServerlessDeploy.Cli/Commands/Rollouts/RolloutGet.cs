using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using ServerlessDeploy.Cli.Commands.App;
using ServerlessDeploy.Core.Rollouts;

namespace ServerlessDeploy.Cli.Commands.Rollouts;

/// <summary>
/// `sdeploy rollouts get rollout -n ns --kubeconfig k [-o table|json]`: the Rollout as `kubectl argo rollouts get
/// rollout` shows it, with its steps; or the live Rollout and its ReplicaSets as JSON. Reads only: nothing is driven.
/// </summary>
internal static class RolloutGet
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Build(TextWriter output, TextWriter errors)
    {
        var (rollout, ns, kubeconfig, context, format) = (RolloutsOptions.Rollout(), RolloutsOptions.Namespace(), AppOptions.Kubeconfig(), AppOptions.Context(), AppOptions.Output("table", "json"));
        var command = new Command("get", "Show a Rollout's status, steps, weights, ReplicaSets and pods") { rollout, ns, kubeconfig, context, format };
        command.SetAction((parse, cancellationToken) => App.AppContext.RunAsync(errors, async () =>
        {
            var target = RolloutTarget.Resolve(parse.GetValue(kubeconfig), parse.GetValue(context), parse.GetValue(ns));
            var (info, problem) = await new RolloutInfoReader(target.Cluster).ReadAsync(target.Namespace, parse.GetRequiredValue(rollout), cancellationToken);
            if (info is null)
            {
                throw CliFailure.Operation(problem ?? "");
            }

            await output.WriteAsync(parse.GetValue(format) == "json"
                ? Json(info).ToJsonString(Indented) + "\n"
                : RolloutGetTable.Render(info, TimeProvider.System.GetUtcNow()));
            return 0;
        }));
        return command;
    }

    private static JsonObject Json(RolloutInfo info) => new()
    {
        ["rollout"] = info.Rollout.DeepClone(),
        ["replicaSets"] = new JsonArray([.. info.ReplicaSetObjects.Select(rs => rs.DeepClone())]),
    };
}
