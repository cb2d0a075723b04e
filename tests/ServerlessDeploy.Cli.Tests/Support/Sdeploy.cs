using ServerlessDeploy.Cli;

namespace ServerlessDeploy.Cli.Tests.Support;

/// <summary>Runs sdeploy in-process, as a person at a terminal would.</summary>
internal static class Sdeploy
{
    public static async Task<CommandRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exit = await SdeployCommand.Build(output, errors).Parse(args).InvokeAsync();
        return new CommandRun(exit, output.ToString(), errors.ToString());
    }

    /// <summary>The checked-out examples/ folder (a config repository).</summary>
    public static string Examples()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ServerlessDeploy.sln")))
            {
                return Path.Combine(dir.FullName, "examples");
            }
        }

        throw new InvalidOperationException("not inside the repository");
    }
}
