using System.Text.RegularExpressions;
using ServerlessDeploy.Cli.Tests.Support;

namespace ServerlessDeploy.Cli.Tests.Commands;

/// <summary>
/// `sdeploy demo`, the README's main job: every step does what it says, `--serve` then serves the demo's state until
/// Ctrl+C, and a missing examples folder is invalid input.
/// </summary>
public sealed partial class DemoCommandTests
{
    /// <summary>Ceilings for a loaded machine, not waits: each ends as soon as what it waits for happens.</summary>
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task The_demo_runs_every_step_then_serves_its_state_until_SIGINT_even_in_the_background_and_exits_0()
    {
        using var demo = await SdeployProcess.StartInBackgroundAsync(Deadline, "demo", "--examples", Sdeploy.Examples(), "--serve", "--port", "0");
        var output = await demo.WaitForOutputAsync(Serving().IsMatch, Deadline);
        using var http = new HttpClient();
        var list = await http.GetStringAsync(new Uri(new Uri(Serving().Match(output).Groups[1].Value), "/applications"));

        await demo.InterruptAsync();
        var exited = await demo.WaitForExitAsync(Deadline);

        Assert.DoesNotContain("FAILED", output, StringComparison.Ordinal);
        Assert.Contains("ok: guestbook-ui is back to 2 replicas", output, StringComparison.Ordinal);
        Assert.Contains("ok: podinfo is Synced at the second commit without a sync of it", output, StringComparison.Ordinal);
        Assert.Contains("ok: shop-web runs 1.4.2", output, StringComparison.Ordinal);
        Assert.Contains("ok: the Rollout is Paused at step 1 of 4", output, StringComparison.Ordinal);
        Assert.Contains("ok: the canary completed: nginx 1.28 is the stable revision", output, StringComparison.Ordinal);
        Assert.Contains("ok: nginx 1.28 still serves on 4 pods, and web-canary points back at it", output, StringComparison.Ordinal);
        Assert.Contains("demo finished: every step did what it should", output, StringComparison.Ordinal);
        Assert.Contains("data-app=\"guestbook\"", list, StringComparison.Ordinal);
        Assert.True(exited, $"still running {Deadline.TotalSeconds:0} s after SIGINT: {demo}");
        Assert.True(demo.ExitCode == 0, demo.ToString());
    }

    [Fact]
    public async Task A_folder_without_apps_is_invalid_input()
    {
        var demo = await Sdeploy.RunAsync("demo", "--examples", Path.GetTempPath());

        Assert.Equal(2, demo.Exit);
        Assert.Contains("no apps/ folder", demo.Errors, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"== dashboard on (http://127\.0\.0\.1:\d+/)")]
    private static partial Regex Serving();
}
