using System.CommandLine;
using ServerlessDeploy.LocalCluster.Faults;
using ServerlessDeploy.LocalCluster.Hosting;

namespace ServerlessDeploy.Cli.Commands;

/// <summary>`sdeploy cluster`: runs the local Kubernetes API server in the foreground until SIGINT or SIGTERM.</summary>
internal static class ClusterCommand
{
    public static Command Build(TextWriter output, TextWriter errors)
    {
        var kubeconfig = new Option<FileInfo>("--kubeconfig") { Description = "Where to write the kubeconfig once the server is ready", Required = true };
        var port = new Option<int>("--port") { Description = "Loopback port to listen on (0: any free port)", DefaultValueFactory = _ => 0 };
        var token = new Option<string?>("--token") { Description = "Require this bearer token on every request" };
        var eksTokens = new Option<bool>("--accept-eks-tokens") { Description = "Also accept well-formed, unexpired EKS tokens (k8s-aws-v1.…)" };
        var faults = new Option<string[]>("--fault")
        {
            Description = "Inject a fault, e.g. kind=429,verb=patch,resource=deployments,p=0.3,retry-after=1 or kind=latency,ms=200 (repeatable)",
            AllowMultipleArgumentsPerToken = false,
        };
        faults.Validators.Add(result =>
        {
            foreach (var text in result.GetValueOrDefault<string[]>() ?? [])
            {
                try
                {
                    FaultRule.Parse(text);
                }
                catch (FormatException e)
                {
                    result.AddError(e.Message);
                }
            }
        });
        var delay = new Option<double>("--controller-delay") { Description = "Seconds the simulated controllers take to report rollouts, jobs, addresses and bindings", DefaultValueFactory = _ => 0 };
        var deadline = new Option<double?>("--failure-deadline") { Description = "Seconds before a fail… image's Deployment reports ProgressDeadlineExceeded (default: its progressDeadlineSeconds)" };
        var command = new Command("cluster", "Run a local Kubernetes API server on 127.0.0.1") { kubeconfig, port, token, eksTokens, faults, delay, deadline };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var rules = (parse.GetValue(faults) ?? []).Select(FaultRule.Parse).ToList();
            var options = new LocalClusterOptions(parse.GetValue(port), parse.GetValue(token), parse.GetValue(eksTokens), rules)
            {
                ControllerDelay = TimeSpan.FromSeconds(parse.GetValue(delay)),
                FailureDeadline = parse.GetValue(deadline) is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            };
            try
            {
                options.Validate();
            }
            catch (ArgumentException e)
            {
                // An invalid option is invalid input: one line and exit 2.
                await errors.WriteLineAsync($"sdeploy cluster: {e.Message}");
                return 2;
            }

            await using var cluster = await LocalApiServer.StartAsync(options, errors, cancellationToken);
            var path = parse.GetRequiredValue(kubeconfig).FullName;
            await cluster.WriteKubeconfigAsync(path, cancellationToken: cancellationToken);
            await output.WriteLineAsync($"local cluster listening on {cluster.Url} (kubeconfig: {path})");
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                await errors.WriteLineAsync("local cluster stopping");
            }

            return 0;
        });
        return command;
    }
}
