using System.CommandLine;
using ServerlessDeploy.Cli.Commands.App;
using ServerlessDeploy.Kubernetes.Discovery;
using ServerlessDeploy.Local.Clusters;
using ServerlessDeploy.Local.Hosting;
using ServerlessDeploy.Local.Notifications;
using ServerlessDeploy.Pipeline.Config;
using ServerlessDeploy.Pipeline.Notifications;

namespace ServerlessDeploy.Cli.Commands.Events;

/// <summary>
/// `sdeploy events replay &lt;event.json&gt;... --config-repo &lt;path|url&gt; --kubeconfig k --state dir`: each event, in order,
/// through the same router and deployer code as in Lambda, on in-memory queues and the SQLite state in --state.
/// </summary>
internal static class EventsReplay
{
    public static Command Build(TextWriter output, TextWriter errors)
    {
        var files = new Argument<string[]>("events") { Description = "Event files: EventBridge events, requests, or GitHub deliveries (headers + body)", Arity = ArgumentArity.OneOrMore };
        var configRepo = new Option<string>("--config-repo") { Description = "The config repository (path or URL) holding the Applications", Required = true };
        var branch = new Option<string>("--branch") { Description = "The config repository's branch", DefaultValueFactory = _ => "main" };
        var appsPath = new Option<string>("--apps-path") { Description = "Folder of the Applications in the config repository", DefaultValueFactory = _ => "apps" };
        var kubeconfig = AppOptions.Kubeconfig();
        kubeconfig.Required = true;
        var state = new Option<string>("--state") { Description = "Folder of the local state (SQLite) and Git cache, kept across calls", Required = true };
        var waitTimers = new Option<TimeSpan>("--wait-timers")
        {
            Description = "Also deliver the wake-ups of waiting syncs due within this long (e.g. 00:02:00); what waits longer is reported, still booked",
            DefaultValueFactory = _ => TimeSpan.Zero,
        };
        var fanOut = new Option<string>("--reconcile-fan-out")
        {
            Description = "What a reconcile tick sends: cluster (a compare pass per cluster, reading it once) or app (a request per app, each reading on its own)",
            DefaultValueFactory = _ => "cluster",
        };
        fanOut.AcceptOnlyFromAmong("cluster", "app");
        var readScope = new Option<string>("--read-scope")
        {
            Description = "What the compare pass may list: cluster (every namespace at once) or namespaces (each app's namespace, as with an EKS access entry whose clusterRead is false)",
            DefaultValueFactory = _ => "cluster",
        };
        readScope.AcceptOnlyFromAmong("cluster", "namespaces");
        var command = new Command("replay", "Push sample events through the router and deployer, in order, and print what each did")
        {
            files, configRepo, branch, appsPath, kubeconfig, state, waitTimers, fanOut, readScope,
        };
        command.SetAction((parse, cancellationToken) => App.AppContext.RunAsync(errors, async () =>
        {
            var repo = parse.GetRequiredValue(configRepo);
            var settings = new PipelineSettings(repo.Contains("://", StringComparison.Ordinal) ? repo : Path.GetFullPath(repo), parse.GetRequiredValue(branch), parse.GetRequiredValue(appsPath))
            {
                ReconcileFanOut = parse.GetRequiredValue(fanOut) == "app" ? ReconcileFanOut.App : ReconcileFanOut.Cluster,
            };
            try
            {
                settings.Validate();
            }
            catch (ArgumentException e)
            {
                throw CliFailure.Input(e.Message);
            }

            using var deployer = LocalDeployer.Create(settings, new KubeconfigClusters(parse.GetValue(kubeconfig) ?? throw new InvalidOperationException("--kubeconfig is required: the parser refuses a command line without it")) { ClusterRead = parse.GetRequiredValue(readScope) == "cluster", Discovery = new DiscoveryCache(TimeProvider.System) }, parse.GetRequiredValue(state), new CompositeNotifier([new NotificationChannel("console", new ConsoleNotifier(output))]));
            var allDone = true;
            foreach (var file in parse.GetRequiredValue(files))
            {
                var body = await EventFile.ReadAsync(file, cancellationToken);
                await output.WriteLineAsync($"event {file}");
                await deployer.Pipeline.SubmitAsync(body, cancellationToken);
                var steps = await deployer.Pipeline.RunAsync(TimeSpan.FromSeconds(30) + parse.GetValue(waitTimers), cancellationToken, parse.GetValue(waitTimers));
                await output.WriteAsync(StatusReport.Steps(steps));
                allDone &= steps.All(s => s.Done);
            }

            await output.WriteLineAsync();
            await output.WriteAsync(await StatusReport.AppsAsync(deployer.Store, cancellationToken));
            await output.WriteAsync(StatusReport.Waiting(await deployer.Timers.PendingAsync(cancellationToken)));
            return allDone ? 0 : 1;
        }));
        return command;
    }
}
