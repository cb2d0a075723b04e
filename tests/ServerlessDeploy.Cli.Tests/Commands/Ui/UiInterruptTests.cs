using System.Text.RegularExpressions;
using ServerlessDeploy.Cli.Tests.Support;

namespace ServerlessDeploy.Cli.Tests.Commands.Ui;

/// <summary>
/// `sdeploy ui` started from a script in the background (so with SIGINT ignored, as a non-interactive shell starts its
/// jobs) serves until Ctrl+C's signal, then stops cleanly with exit 0.
/// </summary>
public sealed partial class UiInterruptTests : IDisposable
{
    /// <summary>Ceilings for a loaded machine, not waits: each ends as soon as what it waits for happens.</summary>
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);

    private readonly DirectoryInfo _state = Directory.CreateTempSubdirectory("sdeploy-ui-int-");

    [Fact]
    public async Task A_backgrounded_ui_serves_until_SIGINT_then_exits_0()
    {
        using var ui = await SdeployProcess.StartInBackgroundAsync(Deadline, "ui", "--state", _state.FullName, "--port", "0");
        var output = await ui.WaitForOutputAsync(Listening().IsMatch, Deadline);
        using var http = new HttpClient();
        using var list = await http.GetAsync(new Uri(new Uri(Listening().Match(output).Groups[1].Value), "/applications"));

        await ui.InterruptAsync();
        var exited = await ui.WaitForExitAsync(Deadline);

        Assert.True(list.IsSuccessStatusCode, $"GET /applications: {(int)list.StatusCode}");
        Assert.True(exited, $"still running {Deadline.TotalSeconds:0} s after SIGINT: {ui}");
        Assert.True(ui.ExitCode == 0, ui.ToString());
    }

    public void Dispose() => _state.Delete(recursive: true);

    [GeneratedRegex(@"dashboard on (http://127\.0\.0\.1:\d+/)")]
    private static partial Regex Listening();
}
