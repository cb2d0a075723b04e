using System.CommandLine;
using System.Net;
using ServerlessDeploy.Cli.Commands.App;

namespace ServerlessDeploy.Cli.Commands.Ui;

/// <summary>
/// `sdeploy ui --state dir --kubeconfig k [--config-repo r] [--port N] [--address A]`: the dashboard over the state that
/// `sdeploy events replay` and the demo keep, until interrupted; its actions go through the local pipeline on the
/// config repository recorded there (or --config-repo). Binds to 127.0.0.1 unless told otherwise.
/// </summary>
internal static class UiCommand
{
    public const string Name = "ui";

    public static Command Build(TextWriter output, TextWriter errors)
    {
        var state = new Option<string>("--state") { Description = "The local state folder (as given to `sdeploy events replay`)", Required = true };
        var kubeconfig = AppOptions.Kubeconfig();
        var (port, address) = (Port(), Address());
        var configRepo = new Option<string?>("--config-repo") { Description = "The config repository (path or URL) actions go through (default: the one recorded in --state)" };
        var command = new Command(Name, "Serve the dashboard over the local state, until interrupted") { state, kubeconfig, configRepo, port, address };
        command.SetAction((parse, cancellationToken) => App.AppContext.RunAsync(errors, async () =>
        {
            var folder = parse.GetRequiredValue(state);
            if (!Directory.Exists(folder))
            {
                throw CliFailure.Input($"--state {folder}: no such folder");
            }

            var options = new DashboardServerOptions(folder, parse.GetRequiredValue(address), parse.GetRequiredValue(port))
            {
                Kubeconfig = parse.GetValue(kubeconfig),
                ConfigRepo = parse.GetValue(configRepo),
                Errors = errors,
                Environment = Environment.GetEnvironmentVariable,
            };
            await using var server = await StartAsync(options, cancellationToken);
            await output.WriteLineAsync($"dashboard on {server.Url} (Ctrl+C to stop)");
            await WaitUntilInterruptedAsync(cancellationToken);
            return 0;
        }));
        return command;
    }

    public static Option<int> Port() => new("--port") { Description = "The port to listen on (0: any free port)", DefaultValueFactory = _ => 8080 };

    public static Option<IPAddress> Address() => new("--address")
    {
        Description = "The address to listen on",
        DefaultValueFactory = _ => IPAddress.Loopback,
        CustomParser = result => IPAddress.TryParse(result.Tokens[0].Value, out var parsed) ? parsed : Refuse(result),
    };

    /// <summary>Kestrel's refusal (a port in use, an address not on this machine) as one line naming what was asked.</summary>
    public static async Task<DashboardServer> StartAsync(DashboardServerOptions options, CancellationToken cancellationToken)
    {
        try
        {
            return await DashboardServer.StartAsync(options, cancellationToken);
        }
        catch (IOException e)
        {
            throw CliFailure.Operation($"cannot listen on {options.Address}:{options.Port}: {e.Message}");
        }
    }

    public static async Task WaitUntilInterruptedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static IPAddress Refuse(System.CommandLine.Parsing.ArgumentResult result)
    {
        result.AddError($"--address {result.Tokens[0].Value}: not an IP address");
        return IPAddress.None;
    }
}
