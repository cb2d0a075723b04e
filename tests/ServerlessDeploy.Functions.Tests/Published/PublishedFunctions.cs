using System.Diagnostics;
using ServerlessDeploy.Testing;

namespace ServerlessDeploy.Functions.Tests.Published;

/// <summary>
/// The functions' <c>bootstrap</c> as it ships, published once for every test that runs it by the script that publishes
/// it for the stack (tools/publish-functions.sh). SDEPLOY_PUBLISHED_FUNCTIONS names a folder published already (another
/// flavour, or a publish shared with another run); otherwise the fixture publishes into a temporary folder, deleted with it.
/// </summary>
public sealed class PublishedFunctions : IAsyncLifetime
{
    public const string FolderVariable = "SDEPLOY_PUBLISHED_FUNCTIONS";

    /// <summary>A Native AOT publish takes minutes on two loaded cores; this only bounds a hung one.</summary>
    private static readonly TimeSpan PublishCeiling = TimeSpan.FromMinutes(20);

    private DirectoryInfo? _published;

    public string Folder { get; private set; } = "";

    public string Bootstrap => Path.Combine(Folder, "bootstrap");

    public async Task InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable(FolderVariable) is { Length: > 0 } given)
        {
            Folder = Path.GetFullPath(given);
        }
        else
        {
            _published = Directory.CreateTempSubdirectory("sdeploy-published-functions-");
            Folder = _published.FullName;
            await PublishAsync(Folder);
        }
        if (!File.Exists(Bootstrap))
        {
            throw new InvalidOperationException($"No bootstrap in {Folder}.");
        }
    }

    public Task DisposeAsync()
    {
        _published?.Delete(recursive: true);
        return Task.CompletedTask;
    }

    private static async Task PublishAsync(string output)
    {
        var script = Path.Combine(RepositoryRoot.Find(), "tools", "publish-functions.sh");
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(output);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var ceiling = new CancellationTokenSource(PublishCeiling);
        await process.WaitForExitAsync(ceiling.Token);
        if (process.ExitCode != 0)
        {
            var printed = (await stdout + await stderr).Split('\n');
            throw new InvalidOperationException($"{script} failed ({process.ExitCode}):\n{string.Join('\n', printed.TakeLast(30))}");
        }
    }
}
