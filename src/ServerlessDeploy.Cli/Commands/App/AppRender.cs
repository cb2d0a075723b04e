using System.CommandLine;
using ServerlessDeploy.Core.Yaml;

namespace ServerlessDeploy.Cli.Commands.App;

/// <summary>`sdeploy app render app.yaml`: the manifests Git holds for the Application, as YAML.</summary>
internal static class AppRender
{
    public static Command Build(TextWriter output, TextWriter errors)
    {
        var file = AppOptions.File();
        var command = new Command("render", "Print the rendered manifests of an Application") { file };
        command.SetAction((parse, cancellationToken) => AppContext.RunAsync(errors, async () =>
        {
            var context = await AppContext.LoadAsync(parse.GetRequiredValue(file), cancellationToken);
            var result = await AppContext.Renderer().RenderAsync(new Core.Rendering.RenderRequest(context.Application, context.SourceRoot), cancellationToken);
            if (!result.Succeeded)
            {
                throw CliFailure.Operation($"render failed: {result.Error}");
            }

            await output.WriteAsync(YamlWriter.WriteAll(result.Manifests.Select(m => m.Json)));
            return 0;
        }));
        return command;
    }
}
