using LibGit2Sharp;
using ServerlessDeploy.Core.Sources;
using ServerlessDeploy.Git.Tests.Fixtures;

namespace ServerlessDeploy.Git.Tests;

/// <summary>The http(s) path end to end: git's smart HTTP protocol served by the real git http-backend, behind Basic authentication.</summary>
public sealed class HttpTests : IDisposable
{
    private static readonly string[] Pushers = ["a", "b"];
    private static readonly string[] PushedFiles = ["a1.yaml", "a2.yaml", "b1.yaml", "b2.yaml"];
    private static readonly GitCredentials Token = GitCredentials.FromToken("ghs_token-secret");
    private readonly TestRemote _remote = new();
    private readonly GitHttpServer _server;
    private readonly string _url;
    private readonly string _head;

    public HttpTests()
    {
        _head = _remote.Write("app/deploy.yaml", "v: 1\n").Commit("first");
        _remote.Push();
        _server = new GitHttpServer(_remote.Root, Token);
        _url = _server.UrlOf("remote.git");
    }

    public void Dispose()
    {
        _server.Dispose();
        _remote.Dispose();
    }

    [Fact]
    public async Task A_token_is_sent_as_the_password_of_x_access_token()
    {
        var checkout = await _remote.Sources().CheckoutAsync(_url, "main", Token, CancellationToken.None);

        Assert.Equal(_head, checkout.Revision);
        Assert.Equal("v: 1\n", File.ReadAllText(Path.Combine(checkout.Root, "app/deploy.yaml")));
    }

    [Fact]
    public async Task Refused_credentials_fail_once_with_a_message_free_of_the_token()
    {
        var wrong = GitCredentials.FromToken("ghs_wrong-secret");

        var error = await Assert.ThrowsAsync<GitSourceException>(() => _remote.Sources().CheckoutAsync(_url, "main", wrong, CancellationToken.None));

        Assert.Equal(GitFailure.AuthenticationFailed, error.Failure);
        Assert.Equal($"cannot list the references of {_url}: authentication failed: the credentials were refused", error.Message);
        Assert.InRange(_server.Refusals, 1, 2);
    }

    [Fact]
    public async Task Missing_credentials_say_the_repository_needs_them()
    {
        var error = await Assert.ThrowsAsync<GitSourceException>(() => _remote.Sources().CheckoutAsync(_url, "main", null, CancellationToken.None));

        Assert.Equal(GitFailure.AuthenticationFailed, error.Failure);
        Assert.EndsWith("the repository needs credentials and none were given", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Credentials_written_in_the_url_never_reach_a_message()
    {
        var withUser = _url.Replace("http://", "http://someone:url-secret@", StringComparison.Ordinal);

        var error = await Assert.ThrowsAsync<GitSourceException>(() => _remote.Sources().CheckoutAsync(withUser, "nope", Token, CancellationToken.None));

        Assert.Equal($"revision 'nope' not found in {_url}: no branch, tag or commit by that name", error.Message);
    }

    [Fact]
    public async Task A_new_commit_is_fetched_over_http_and_a_commit_pushed_back_with_the_token()
    {
        var sources = _remote.Sources();
        await sources.CheckoutAsync(_url, "main", Token, CancellationToken.None);
        var next = _remote.Write("app/deploy.yaml", "v: 2\n").Commit("second");
        _remote.Push();

        var fetched = await sources.CheckoutAsync(_url, "HEAD", Token, CancellationToken.None);
        var pushed = await sources.CommitAndPushAsync(_url, "main", [new FileEdit("app/deploy.yaml", "v: 3\n")], new CommitIdentity("bot", "bot@example.com"), "v3", Token, CancellationToken.None);

        Assert.Equal(next, fetched.Revision);
        Assert.Equal(pushed, _remote.RemoteHead());
        Assert.Equal("v: 3\n", _remote.RemoteFile(pushed, "app/deploy.yaml"));
    }

    [Fact]
    public async Task A_push_the_server_refuses_as_non_fast_forward_is_retried_on_the_new_head()
    {
        string? competitor = null;
        var clock = new InterferingClock(DateTimeOffset.UnixEpoch, 1, () =>
        {
            competitor = _remote.Write("other.yaml", "x\n").Commit("competitor");
            _remote.Push();
        });

        var pushed = await _remote.Sources(clock).CommitAndPushAsync(_url, "main", [new FileEdit("app/deploy.yaml", "v: 2\n")], new CommitIdentity("bot", "bot@example.com"), "v2", Token, CancellationToken.None);

        using var bare = new Repository(_remote.Bare);
        Assert.Equal(competitor, Assert.Single(bare.Lookup<Commit>(pushed).Parents).Sha);
        Assert.Equal(pushed, _remote.RemoteHead());
    }

    [Fact]
    public async Task Two_pushers_racing_over_http_both_land()
    {
        var pushers = Pushers.Select(name => Task.Run(async () =>
        {
            var sources = _remote.Sources(cache: Path.Combine(_remote.Root, "cache-" + name));
            for (var i = 1; i <= 2; i++)
            {
                await sources.CommitAndPushAsync(_url, "main", [new FileEdit($"{name}{i}.yaml", name)], new CommitIdentity(name, "bot@example.com"), $"{name}{i}", Token, CancellationToken.None);
            }
        }));

        await Task.WhenAll(pushers);

        using var bare = new Repository(_remote.Bare);
        var tip = bare.Branches["main"].Tip;
        Assert.Equal(5, bare.Commits.QueryBy(new CommitFilter { IncludeReachableFrom = tip }).Count());
        Assert.All(PushedFiles, path => Assert.NotNull(tip[path]));
    }
}
