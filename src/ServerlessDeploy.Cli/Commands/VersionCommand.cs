using System.CommandLine;
using System.Reflection;
using ServerlessDeploy.Rendering.Processes;
using ServerlessDeploy.Rendering.Tools;

namespace ServerlessDeploy.Cli.Commands;

/// <summary>
/// `sdeploy version [--tools]`: the version and commit it was built from (as `sdeploy --version`); with --tools, which
/// helm and kubectl it would run, where they were found, and what they say their versions are.
/// </summary>
internal static class VersionCommand
{
    public static Command Build(TextWriter output, TextWriter errors)
    {
        var tools = new Option<bool>("--tools") { Description = "Also show which helm and kubectl are used, where from, and their versions" };
        var command = new Command("version", "Show the version and commit; with --tools, the helm and kubectl it runs") { tools };
        command.SetAction((parse, cancellationToken) => App.AppContext.RunAsync(errors, async () =>
        {
            await output.WriteLineAsync($"sdeploy {Version}");
            if (!parse.GetValue(tools))
            {
                return 0;
            }

            var found = ToolPaths.FromProcess();
            var kubectl = await DescribeAsync("kubectl", found.Kubectl, ["version", "--client"], cancellationToken);
            var helm = await DescribeAsync("helm", found.Helm, ["version", "--short"], cancellationToken);
            await output.WriteLineAsync(kubectl);
            await output.WriteLineAsync(helm);
            return found.Kubectl.Path is null || found.Helm.Path is null ? 1 : 0;
        }));
        return command;
    }

    /// <summary>The informational version, with the commit the SDK stamps after '+'.</summary>
    public static string Version =>
        typeof(VersionCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    private static async Task<string> DescribeAsync(string name, ToolPath tool, string[] args, CancellationToken cancellationToken)
    {
        if (tool.Path is null)
        {
            return $"{name}: not found: {tool.Problem}";
        }

        var run = await new ProcessRunner().RunAsync(tool.Path, args, Directory.GetCurrentDirectory(), cancellationToken);
        var said = (run.Output.Length > 0 ? run.Output : run.Error).Trim().Replace('\n', ' ');
        return $"{name}: {tool.Path} (from {tool.From}): {(run.ExitCode == 0 ? said : $"exit {run.ExitCode}: {said}")}";
    }
}
