using Microsoft.Extensions.Time.Testing;
using ServerlessDeploy.Aws.Git;
using ServerlessDeploy.Git;
using ServerlessDeploy.Testing.Signing;

namespace ServerlessDeploy.Aws.Tests.Git;

public sealed class AwsGitCredentialsTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_GitHub_url_gets_the_token_as_the_access_token_password()
    {
        var source = new AwsGitCredentials(_ => Task.FromResult("ghp_example"), TestCredentials.Basic, Clock);

        var credentials = await source.ForAsync("https://github.com/octo-org/gitops-config.git", CancellationToken.None);

        Assert.Equal(GitCredentials.FromToken("ghp_example"), credentials);
    }

    [Fact]
    public async Task A_GitHub_url_without_a_configured_token_gets_none()
    {
        var source = new AwsGitCredentials(null, TestCredentials.Basic, Clock);

        Assert.Null(await source.ForAsync("https://github.com/octo-org/public.git", CancellationToken.None));
    }

    [Fact]
    public async Task A_configured_GitHub_Enterprise_host_gets_the_token()
    {
        var source = new AwsGitCredentials(_ => Task.FromResult("ghp_example"), TestCredentials.Basic, Clock, ["github.example.com"]);

        var credentials = await source.ForAsync("https://GitHub.Example.com/platform/gitops-config.git", CancellationToken.None);

        Assert.Equal(GitCredentials.FromToken("ghp_example"), credentials);
    }

    [Theory]
    [InlineData("https://github.other.com/platform/gitops-config.git")]
    [InlineData("https://evil.github.example.com/platform/gitops-config.git")]
    [InlineData("https://github.example.com.evil.net/platform/gitops-config.git")]
    [InlineData("http://github.example.com/platform/gitops-config.git")]
    public async Task A_host_that_is_not_configured_gets_no_token(string url)
    {
        var source = new AwsGitCredentials(_ => Task.FromResult("ghp_example"), TestCredentials.Basic, Clock, ["github.example.com"]);

        Assert.Null(await source.ForAsync(url, CancellationToken.None));
    }

    [Fact]
    public async Task A_CodeCommit_url_gets_credentials_signed_from_the_AWS_keys()
    {
        var source = new AwsGitCredentials(_ => throw new InvalidOperationException("the GitHub token is not for CodeCommit"), TestCredentials.Basic, Clock);

        var credentials = await source.ForAsync("https://git-codecommit.eu-west-1.amazonaws.com/v1/repos/gitops-config", CancellationToken.None);

        Assert.Equal(TestCredentials.AccessKey, credentials?.Username);
        Assert.StartsWith("20261123T120000Z", credentials?.Password, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://gitlab.example.com/team/config.git")]
    [InlineData("file:///srv/git/config")]
    [InlineData("/srv/git/config")]
    public async Task Other_locations_get_none(string url)
    {
        var source = new AwsGitCredentials(_ => Task.FromResult("ghp_example"), TestCredentials.Basic, Clock);

        Assert.Null(await source.ForAsync(url, CancellationToken.None));
    }
}
