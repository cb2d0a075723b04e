using System.CommandLine;
using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Diff;

namespace ServerlessDeploy.Cli.Commands.App;

/// <summary>`sdeploy app diff app.yaml --kubeconfig k`: each resource's status and a diff of what Git specifies; exit 1 when out of sync.</summary>
internal static class AppDiff
{
    public static Command Build(TextWriter output, TextWriter errors)
    {
        var (file, kubeconfig, context, format) = (AppOptions.File(), AppOptions.Kubeconfig(), AppOptions.Context(), AppOptions.Output("table", "json", "yaml"));
        var command = new Command("diff", "Compare an Application's manifests with the cluster (exit 1 when out of sync)") { file, kubeconfig, context, format };
        command.SetAction((parse, cancellationToken) => AppContext.RunAsync(errors, async () =>
        {
            var app = await AppContext.LoadAsync(parse.GetRequiredValue(file), cancellationToken);
            var comparison = await app.Engine(parse.GetValue(kubeconfig), parse.GetValue(context)).CompareAsync(app.Application, app.SourceRoot, [], cancellationToken);
            if (comparison.Errors.Count > 0)
            {
                throw CliFailure.Operation(string.Join("; ", comparison.Errors));
            }

            await output.WriteAsync(parse.GetValue(format) switch
            {
                "json" => Json(comparison.Diffs).ToJsonString(Indented) + "\n",
                "yaml" => Core.Yaml.YamlWriter.Write(Json(comparison.Diffs)),
                _ => Text(comparison.Diffs),
            });
            return comparison.InSync ? 0 : 1;
        }));
        return command;
    }

    private static string Text(IReadOnlyList<ResourceDiff> diffs)
    {
        var table = Tables.Render(["GROUP", "KIND", "NAMESPACE", "NAME", "STATUS"], diffs.Select(d => new[] { d.Key.Group, d.Key.Kind, d.Key.Namespace, d.Key.Name, d.Status.ToString() }));
        return table + string.Concat(diffs.Where(d => d.Text.Length > 0).Select(d => "\n" + d.Text));
    }

    private static readonly System.Text.Json.JsonSerializerOptions Indented = new() { WriteIndented = true };

    private static JsonArray Json(IReadOnlyList<ResourceDiff> diffs) => new(diffs.Select(d => (JsonNode)new JsonObject
    {
        ["group"] = d.Key.Group,
        ["kind"] = d.Key.Kind,
        ["namespace"] = d.Key.Namespace,
        ["name"] = d.Key.Name,
        ["status"] = d.Status.ToString(),
        ["changedFields"] = new JsonArray(d.ChangedFields.Select(f => (JsonNode?)JsonValue.Create(f)).ToArray()),
        ["diff"] = d.Text,
    }).ToArray());
}
