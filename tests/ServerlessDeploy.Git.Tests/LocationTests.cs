using ServerlessDeploy.Git.Locations;

namespace ServerlessDeploy.Git.Tests;

public sealed class LocationTests
{
    [Theory]
    [InlineData("https://github.com/org/repo.git")]
    [InlineData("https://GitHub.com/org/repo")]
    [InlineData("https://github.com/org/repo/")]
    [InlineData("https://x-access-token:secret@github.com/org/repo.git")]
    public void Spellings_of_one_https_repository_share_one_mirror(string url)
    {
        var location = RepositoryLocationParser.Parse(url);

        Assert.Equal(LocationKind.Remote, location.Kind);
        Assert.Equal(RepositoryLocationParser.Parse("https://github.com/org/repo").CacheKey, location.CacheKey);
        Assert.DoesNotContain("secret", location.DisplayUrl, StringComparison.Ordinal);
    }

    [Fact]
    public void Different_repositories_have_different_mirrors() =>
        Assert.NotEqual(
            RepositoryLocationParser.Parse("https://github.com/org/one").CacheKey,
            RepositoryLocationParser.Parse("https://github.com/org/two").CacheKey);

    [Theory]
    [InlineData("cannot reach https://user:tok@host/x: refused", "cannot reach https://host/x: refused")]
    [InlineData("from http://tok@a/b and https://u:p@c/d", "from http://a/b and https://c/d")]
    [InlineData("no url here", "no url here")]
    [InlineData("https://host", "https://host")]
    public void User_information_is_removed_from_urls_in_text(string text, string redacted) =>
        Assert.Equal(redacted, RepositoryLocationParser.Redact(text));

    [Theory]
    [InlineData("relative", "CacheDirectory")]
    [InlineData("", "CacheDirectory")]
    public void Options_name_the_invalid_setting(string cache, string setting) =>
        Assert.Equal(setting, Assert.Throws<ArgumentException>(() => new GitSourceOptions(cache).Validate()).ParamName);

    [Fact]
    public void Push_attempts_must_be_positive() =>
        Assert.Equal("PushAttempts", Assert.Throws<ArgumentException>(() => (new GitSourceOptions("/tmp") { PushAttempts = 0 }).Validate()).ParamName);
}
