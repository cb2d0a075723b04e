using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Core.Engine;
using ServerlessDeploy.Rendering;
using ServerlessDeploy.Rendering.Processes;
using ServerlessDeploy.Rendering.Tools;

namespace ServerlessDeploy.Cli.Commands.App;

/// <summary>What every `sdeploy app` verb needs: the Application, its source on disk, and (when asked) the engine on a cluster.</summary>
internal sealed record AppContext(Application Application, string SourceRoot, string Revision)
{
    public static async Task<AppContext> LoadAsync(string file, CancellationToken cancellationToken)
    {
        var app = await ApplicationFile.ReadAsync(file, cancellationToken);
        var (root, revision) = await SourceFolder.CheckoutAsync(app, cancellationToken);
        return new AppContext(app, root, revision);
    }

    public static ManifestRenderer Renderer() => new(ToolPaths.FromProcess(), new ProcessRunner());

    public SyncEngine Engine(string? kubeconfig, string? context) =>
        new(ClusterTarget.Connect(Application, kubeconfig, context), Renderer(), TimeProvider.System);

    /// <summary>Runs a verb, turning the expected failures into one message on stderr and the exit code that goes with it.</summary>
    public static async Task<int> RunAsync(TextWriter errors, Func<Task<int>> verb)
    {
        try
        {
            return await verb();
        }
        catch (CliFailure failure)
        {
            await errors.WriteLineAsync($"error: {failure.Message}");
            return failure.ExitCode;
        }
    }
}
