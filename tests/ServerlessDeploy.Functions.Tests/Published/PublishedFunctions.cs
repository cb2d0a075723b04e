using System.Diagnostics;
using ServerlessDeploy.Testing;

namespace ServerlessDeploy.Functions.Tests.Published;

/// <summary>
/// The functions' <c>bootstrap</c> as it ships: Native AOT for linux-x64, published once for every test that runs it.
/// SDEPLOY_PUBLISHED_FUNCTIONS names a folder published already (another flavour, or a publish a script shares);
/// otherwise the fixture publishes into a temporary folder, deleted with it.
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
        var project = Path.Combine(RepositoryRoot.Find(), "src", "ServerlessDeploy.Functions");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "publish", project, "-c", "Release", "-r", "linux-x64", "-p:FunctionsAot=true", "-p:DebugType=none", "-o", output, "--nologo" })
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var ceiling = new CancellationTokenSource(PublishCeiling);
        await process.WaitForExitAsync(ceiling.Token);
        if (process.ExitCode != 0)
        {
            var output_ = (await stdout + await stderr).Split('\n');
            throw new InvalidOperationException($"dotnet publish of the functions failed ({process.ExitCode}):\n{string.Join('\n', output_.TakeLast(30))}");
        }
    }
}
