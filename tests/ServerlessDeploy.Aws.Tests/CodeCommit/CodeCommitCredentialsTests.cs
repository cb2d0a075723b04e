using Amazon.Runtime;
using ServerlessDeploy.Aws.CodeCommit;
using ServerlessDeploy.Testing.Signing;

namespace ServerlessDeploy.Aws.Tests.CodeCommit;

public sealed class CodeCommitCredentialsTests
{
    private static readonly Uri Repository = new("https://git-codecommit.eu-west-1.amazonaws.com/v1/repos/gitops-config");
    private static readonly DateTimeOffset SignedAt = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    // Computed outside this code base with Python's hmac and hashlib, step by step as git-remote-codecommit signs:
    // canonical request "GIT\n/v1/repos/gitops-config\n\nhost:git-codecommit.eu-west-1.amazonaws.com\n\nhost\n",
    // scope 20261123/eu-west-1/codecommit/aws4_request, the documentation's example secret key.
    private const string ExpectedPassword = "20261123T120000Z9fada9373c9cba3250b4205df54aab452eda490d324de08931f0bd8ee85adcc5";

    [Fact]
    public void Long_term_keys_give_the_access_key_id_and_the_pinned_signature()
    {
        var credentials = CodeCommitCredentials.For(Repository, new ImmutableCredentials(TestCredentials.AccessKey, TestCredentials.SecretKey, null), SignedAt);

        Assert.Equal(TestCredentials.AccessKey, credentials.Username);
        Assert.Equal(ExpectedPassword, credentials.Password);
    }

    [Fact]
    public void A_session_token_is_appended_to_the_username_and_leaves_the_signature_alone()
    {
        var credentials = CodeCommitCredentials.For(Repository, new ImmutableCredentials(TestCredentials.AccessKey, TestCredentials.SecretKey, "session/token+1"), SignedAt);

        Assert.Equal($"{TestCredentials.AccessKey}%session/token+1", credentials.Username);
        Assert.Equal(ExpectedPassword, credentials.Password);
        Assert.DoesNotContain(TestCredentials.SecretKey, credentials.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://git-codecommit.eu-west-1.amazonaws.com/v1/repos/a", "eu-west-1")]
    [InlineData("https://git-codecommit.cn-north-1.amazonaws.com.cn/v1/repos/a", "cn-north-1")]
    [InlineData("https://GIT-CODECOMMIT.us-east-2.AMAZONAWS.com/v1/repos/a", "us-east-2")]
    public void CodeCommit_hosts_give_their_region(string url, string region)
    {
        Assert.True(CodeCommitCredentials.TryGetRegion(new Uri(url), out var found));
        Assert.Equal(region, found);
    }

    [Theory]
    [InlineData("https://github.com/octo-org/gitops-config.git")]
    [InlineData("http://git-codecommit.eu-west-1.amazonaws.com/v1/repos/a")]
    [InlineData("https://git-codecommit.eu-west-1.example.com/v1/repos/a")]
    [InlineData("https://git-codecommit.a.b.amazonaws.com/v1/repos/a")]
    public void Other_hosts_are_not_CodeCommit(string url)
    {
        Assert.False(CodeCommitCredentials.TryGetRegion(new Uri(url), out _));
        Assert.Throws<ArgumentException>(() => CodeCommitCredentials.For(new Uri(url), new ImmutableCredentials("a", "b", null), SignedAt));
    }
}
