using ServerlessDeploy.LocalCluster.Auth;

namespace ServerlessDeploy.LocalCluster.Tests.Auth;

/// <summary>The EKS token checks on a fixed clock: where the lifetime ends, and the reason given for each refusal.</summary>
public sealed class EksTokenFormatTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_token_is_good_up_to_its_X_Amz_Expires()
    {
        Assert.Null(EksTokenFormat.Problem(EksToken.Create(Now.AddSeconds(-60)), Now));
        Assert.StartsWith("X-Amz-Date parameter is expired", EksTokenFormat.Problem(EksToken.Create(Now.AddSeconds(-61)), Now), StringComparison.Ordinal);
    }

    [Fact]
    public void A_lifetime_longer_than_15_minutes_is_cut_to_15()
    {
        var token = EksToken.Create(Now.AddMinutes(-16), new Dictionary<string, string?> { ["X-Amz-Expires"] = "3600" });

        Assert.Equal($"X-Amz-Date parameter is expired (15 minute expiration) {Now.AddMinutes(-16):yyyyMMdd'T'HHmmss'Z'}", EksTokenFormat.Problem(token, Now));
    }

    [Theory]
    [MemberData(nameof(AuthenticationTests.RefusedEksTokens), MemberType = typeof(AuthenticationTests))]
    public void Each_refused_token_gets_a_reason(string problem)
    {
        var reason = EksTokenFormat.Problem(AuthenticationTests.RefusedEksToken(problem, Now), Now);

        Assert.False(string.IsNullOrEmpty(reason), problem);
    }

    [Theory]
    [InlineData("sts.amazonaws.com")]
    [InlineData("sts.us-east-1.amazonaws.com")]
    [InlineData("sts.cn-north-1.amazonaws.com.cn")]
    public void Global_regional_and_China_STS_hosts_are_accepted(string host) =>
        Assert.Null(EksTokenFormat.Problem(EksToken.Create(Now, host: host), Now));
}
