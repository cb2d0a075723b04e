using System.CommandLine;
using ServerlessDeploy.Cli.Commands.App;

namespace ServerlessDeploy.Cli.Commands.Demo;

/// <summary>
/// `sdeploy demo`: the product end to end on the embedded defaults: the local API server, a config repository made
/// from examples/, and events through the same router and deployer as in Lambda. Exits 1 when a step did not do
/// what it should.
/// </summary>
internal static class DemoCommand
{
    public const string Name = "demo";

    public static Command Build(TextWriter output, TextWriter errors)
    {
        var examples = new Option<string>("--examples") { Description = "The examples folder (apps/, projects/, workloads/)", DefaultValueFactory = _ => "examples" };
        var keep = new Option<bool>("--keep") { Description = "Keep the demo's folder (config repository, state, kubeconfig) afterwards" };
        var serve = new Option<bool>("--serve") { Description = "Afterwards, keep the local API server up and serve the dashboard over the demo's state until interrupted" };
        var (port, address) = (Ui.UiCommand.Port(), Ui.UiCommand.Address());
        var command = new Command(Name, "Run the event pipeline locally against the local API server, step by step") { examples, keep, serve, port, address };
        command.SetAction((parse, cancellationToken) => App.AppContext.RunAsync(errors, async () =>
        {
            var folder = parse.GetRequiredValue(examples);
            if (!Directory.Exists(Path.Combine(folder, "apps")))
            {
                throw CliFailure.Input($"--examples {folder}: no apps/ folder there");
            }

            var workspace = Directory.CreateTempSubdirectory("sdeploy-demo-").FullName;
            try
            {
                await using var demo = await DemoRun.StartAsync(folder, workspace, output, TimeProvider.System, cancellationToken);
                var succeeded = await demo.RunAsync(cancellationToken);
                if (parse.GetValue(serve))
                {
                    var options = new Ui.DashboardServerOptions(demo.StateFolder, parse.GetRequiredValue(address), parse.GetRequiredValue(port))
                    {
                        Kubeconfig = demo.Kubeconfig,
                        Errors = errors,
                        Environment = Environment.GetEnvironmentVariable,
                    };
                    await ServeAsync(demo, options, output, cancellationToken);
                }

                return succeeded ? 0 : 1;
            }
            finally
            {
                if (parse.GetValue(keep))
                {
                    await output.WriteLineAsync($"kept {workspace}");
                }
                else
                {
                    Directory.Delete(workspace, recursive: true);
                }
            }
        }));
        return command;
    }

    /// <summary>The dashboard over the demo's state, with its local API server still up, until Ctrl+C.</summary>
    private static async Task ServeAsync(DemoRun demo, Ui.DashboardServerOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        await using var server = await Ui.UiCommand.StartAsync(options, cancellationToken);
        await output.WriteLineAsync($"\n== dashboard on {server.Url} (the local API server stays up at {demo.ServerUrl}; Ctrl+C to stop)");
        await Ui.UiCommand.WaitUntilInterruptedAsync(cancellationToken);
    }
}
