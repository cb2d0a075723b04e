using ServerlessDeploy.Cli.Tests.Support;

namespace ServerlessDeploy.Cli.Tests.Commands;

/// <summary>`sdeploy demo`, the README's main job: every step does what it says, and a missing examples folder is invalid input.</summary>
public sealed class DemoCommandTests
{
    [Fact]
    public async Task The_demo_runs_every_step_against_the_examples_and_exits_0()
    {
        var demo = await Sdeploy.RunAsync("demo", "--examples", Sdeploy.Examples());

        Assert.True(demo.Exit == 0, demo.ToString());
        Assert.DoesNotContain("FAILED", demo.Output, StringComparison.Ordinal);
        Assert.Contains("ok: guestbook-ui is back to 2 replicas", demo.Output, StringComparison.Ordinal);
        Assert.Contains("ok: shop-web runs 1.4.2", demo.Output, StringComparison.Ordinal);
        Assert.Contains("ok: the Rollout is Paused at step 1 of 4", demo.Output, StringComparison.Ordinal);
        Assert.Contains("ok: the canary completed: nginx 1.28 is the stable revision", demo.Output, StringComparison.Ordinal);
        Assert.Contains("ok: nginx 1.28 still serves on 4 pods, and web-canary points back at it", demo.Output, StringComparison.Ordinal);
        Assert.Contains("demo finished: every step did what it should", demo.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_without_apps_is_invalid_input()
    {
        var demo = await Sdeploy.RunAsync("demo", "--examples", Path.GetTempPath());

        Assert.Equal(2, demo.Exit);
        Assert.Contains("no apps/ folder", demo.Errors, StringComparison.Ordinal);
    }
}
