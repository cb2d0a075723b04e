using ServerlessDeploy.Pipeline.Config;

namespace ServerlessDeploy.Pipeline.Tests;

/// <summary>Pipeline settings are checked where a host builds them: one error naming each bad value.</summary>
public sealed class PipelineSettingsTests
{
    private static readonly PipelineSettings Valid = new("https://git.example.com/gitops-config.git");

    [Fact]
    public void The_defaults_with_a_repository_are_valid() => Valid.Validate();

    [Theory]
    [InlineData("apps/../projects")]
    [InlineData(".")]
    [InlineData("./teams/a/apps")]
    public void A_path_that_stays_inside_the_repository_is_valid(string path) => (Valid with { AppsPath = path }).Validate();

    [Theory]
    [InlineData("", "main", "apps", "projects", "the config repository URL is empty")]
    [InlineData("https://git/r.git", " ", "apps", "projects", "the config branch is empty")]
    [InlineData("https://git/r.git", "main", "", "projects", "the apps path is empty")]
    [InlineData("https://git/r.git", "main", "../apps", "projects", "the apps path '../apps' leaves the config repository")]
    [InlineData("https://git/r.git", "main", "apps/../../x", "projects", "the apps path 'apps/../../x' leaves the config repository")]
    [InlineData("https://git/r.git", "main", "/etc", "projects", "the apps path '/etc' leaves the config repository")]
    [InlineData("https://git/r.git", "main", "apps", "..\\projects", "the projects path '..\\projects' leaves the config repository")]
    public void A_bad_location_is_named(string url, string branch, string apps, string projects, string problem)
    {
        var error = Assert.Throws<ArgumentException>(() => new PipelineSettings(url, branch, apps, projects).Validate());

        Assert.Equal($"Invalid pipeline settings: {problem}.", error.Message);
    }

    [Fact]
    public void Each_bad_time_is_named_in_one_error()
    {
        var settings = Valid with
        {
            LeaseDuration = TimeSpan.Zero,
            HealthTimeout = TimeSpan.FromSeconds(-1),
            ContinueAfter = TimeSpan.FromSeconds(-2),
            IdempotencyWindow = TimeSpan.Zero,
            DeadlineMargin = TimeSpan.FromSeconds(-5),
        };

        var error = Assert.Throws<ArgumentException>(settings.Validate);

        Assert.Equal(
            "Invalid pipeline settings: the lease duration 00:00:00 is not positive; the health timeout -00:00:01 is not positive; "
            + "the idempotency window 00:00:00 is not positive; the deadline margin -00:00:05 is negative; "
            + "the continue-after interval -00:00:02 is negative.",
            error.Message);
    }

    [Fact]
    public void No_deadline_margin_and_looking_again_at_once_are_allowed() =>
        (Valid with { DeadlineMargin = TimeSpan.Zero, ContinueAfter = TimeSpan.Zero }).Validate();
}
