using ServerlessDeploy.Cli.Commands.Rollouts;

namespace ServerlessDeploy.Cli.Tests.Commands.Rollouts;

/// <summary>Ages as k8s.io/apimachinery's duration.HumanDuration prints them (its TestHumanDuration cases).</summary>
public class HumanDurationTests
{
    [Theory]
    [InlineData(-2, "<invalid>")]
    [InlineData(-0.5, "0s")]
    [InlineData(1, "1s")]
    [InlineData(119, "119s")]
    [InlineData(120, "2m")]
    [InlineData(121, "2m1s")]
    [InlineData(599, "9m59s")]
    [InlineData(600, "10m")]
    [InlineData(3 * 3600 - 1, "179m")]
    [InlineData(3 * 3600, "3h")]
    [InlineData(3 * 3600 + 60, "3h1m")]
    [InlineData(8 * 3600, "8h")]
    [InlineData(48 * 3600 - 1, "47h")]
    [InlineData(48 * 3600, "2d")]
    [InlineData(48 * 3600 + 3600, "2d1h")]
    [InlineData(8 * 24 * 3600, "8d")]
    [InlineData(2 * 365 * 24 * 3600, "2y")]
    [InlineData(2 * 365 * 24 * 3600 + 24 * 3600, "2y1d")]
    [InlineData(8 * 365 * 24 * 3600, "8y")]
    public void An_age_reads_as_kubectl_prints_it(double seconds, string expected) =>
        Assert.Equal(expected, HumanDuration.Of(TimeSpan.FromSeconds(seconds)));
}
