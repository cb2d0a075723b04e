using ServerlessDeploy.Git.Tests.Fixtures;

namespace ServerlessDeploy.Git.Tests;

public sealed class ErrorTests : IDisposable
{
    private readonly TestRemote _remote = new();

    public ErrorTests()
    {
        _remote.Write("a.yaml", "a: 1\n").Commit("first");
        _remote.Push();
    }

    public void Dispose() => _remote.Dispose();

    [Fact]
    public async Task An_unknown_revision_names_the_repository_and_the_revision()
    {
        var error = await Assert.ThrowsAsync<GitSourceException>(() => _remote.Sources().CheckoutAsync(_remote.FileUrl, "nope", null, CancellationToken.None));

        Assert.Equal(GitFailure.RevisionNotFound, error.Failure);
        Assert.Equal($"revision 'nope' not found in {_remote.FileUrl}: no branch, tag or commit by that name", error.Message);
    }

    [Fact]
    public async Task An_unknown_sha_is_not_found()
    {
        var error = await Assert.ThrowsAsync<GitSourceException>(() => _remote.Sources().CheckoutAsync(_remote.FileUrl, new string('a', 40), null, CancellationToken.None));

        Assert.Equal(GitFailure.RevisionNotFound, error.Failure);
    }

    [Fact]
    public async Task An_empty_repository_has_no_head()
    {
        var empty = Path.Combine(_remote.Root, "empty.git");
        LibGit2Sharp.Repository.Init(empty, isBare: true);

        var error = await Assert.ThrowsAsync<GitSourceException>(() => _remote.Sources().CheckoutAsync(empty, "HEAD", null, CancellationToken.None));

        Assert.Equal($"revision 'HEAD' not found in {empty}: the repository has no commits on its default branch", error.Message);
    }

    [Theory]
    [InlineData("ssh://git@github.com/org/repo.git")]
    [InlineData("git@github.com:org/repo.git")]
    public async Task Ssh_urls_are_refused_with_a_clear_message(string url)
    {
        var error = await Assert.ThrowsAsync<GitSourceException>(() => _remote.Sources().CheckoutAsync(url, "HEAD", null, CancellationToken.None));

        Assert.Equal(GitFailure.InvalidRequest, error.Failure);
        Assert.StartsWith("ssh URLs are not supported yet; use https", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("relative/path", GitFailure.InvalidRequest, "is neither an https URL nor an absolute path")]
    [InlineData("git://example.com/repo.git", GitFailure.InvalidRequest, "unsupported scheme \"git\"")]
    [InlineData("/no/such/folder", GitFailure.RepositoryNotFound, "the folder /no/such/folder does not exist")]
    [InlineData("file:///no/such/folder", GitFailure.RepositoryNotFound, "the folder /no/such/folder does not exist")]
    public async Task Repository_urls_that_cannot_be_read_say_why(string url, GitFailure failure, string message)
    {
        var error = await Assert.ThrowsAsync<GitSourceException>(() => _remote.Sources().CheckoutAsync(url, "HEAD", null, CancellationToken.None));

        Assert.Equal(failure, error.Failure);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_host_is_reported_without_credentials()
    {
        var url = $"http://user:url-secret@127.0.0.1:{ClosedPort()}/org/repo.git";

        var error = await Assert.ThrowsAsync<GitSourceException>(() => _remote.Sources().CheckoutAsync(url, "HEAD", GitCredentials.FromToken("token-secret"), CancellationToken.None));

        Assert.Equal(GitFailure.Unreachable, error.Failure);
        Assert.Contains("cannot reach the repository", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Credentials_print_without_the_password() =>
        Assert.DoesNotContain("token-secret", GitCredentials.FromToken("token-secret").ToString(), StringComparison.Ordinal);

    [Fact]
    public async Task A_cancelled_checkout_throws_operation_cancelled()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _remote.Sources().CheckoutAsync(_remote.FileUrl, "HEAD", null, cancelled.Token));
    }

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
