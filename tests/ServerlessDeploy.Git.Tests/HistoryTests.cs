using ServerlessDeploy.Git.Tests.Fixtures;

namespace ServerlessDeploy.Git.Tests;

public sealed class HistoryTests : IDisposable
{
    private readonly TestRemote _remote = new();
    private readonly string _first;

    public HistoryTests()
    {
        _first = _remote
            .Write("apps/web/deploy.yaml", "v: 1\n")
            .Write("apps/api/deploy.yaml", "v: 1\n")
            .Write("apps/old/deploy.yaml", "v: 1\n")
            .Write("apps/worker/config.yaml", "config with enough text to be recognised as a rename\n")
            .Commit("first");
        _remote.Push();
    }

    public void Dispose() => _remote.Dispose();

    [Fact]
    public async Task Adds_modifies_deletes_and_both_sides_of_renames_are_changed_paths()
    {
        var next = _remote
            .Write("apps/web/deploy.yaml", "v: 2\n")
            .Write("apps/new/deploy.yaml", "v: 1\n")
            .Delete("apps/old/deploy.yaml")
            .Move("apps/worker/config.yaml", "apps/jobs/config.yaml")
            .Commit("second");
        _remote.Push();

        var changed = await _remote.Sources().ChangedPathsAsync(_remote.FileUrl, _first, next, null, CancellationToken.None);

        Assert.Equal(
            ["apps/jobs/config.yaml", "apps/new/deploy.yaml", "apps/old/deploy.yaml", "apps/web/deploy.yaml", "apps/worker/config.yaml"],
            changed);
    }

    [Fact]
    public async Task Changed_paths_accept_short_shas_and_are_empty_for_the_same_commit()
    {
        var changed = await _remote.Sources().ChangedPathsAsync(_remote.FileUrl, _first[..8], _first, null, CancellationToken.None);

        Assert.Empty(changed);
    }

    [Fact]
    public async Task Commits_pushed_after_the_last_fetch_are_fetched_before_answering()
    {
        var sources = _remote.Sources();
        await sources.CheckoutAsync(_remote.FileUrl, "HEAD", null, CancellationToken.None);
        var next = _remote.Write("apps/api/deploy.yaml", "v: 2\n").Commit("api");
        _remote.Push();

        var changed = await sources.ChangedPathsAsync(_remote.FileUrl, _first, next, null, CancellationToken.None);

        Assert.Equal(["apps/api/deploy.yaml"], changed);
    }

    [Fact]
    public async Task A_commit_the_repository_does_not_have_is_a_clear_error()
    {
        var missing = new string('b', 40);

        var error = await Assert.ThrowsAsync<GitSourceException>(() => _remote.Sources().ChangedPathsAsync(_remote.FileUrl, _first, missing, null, CancellationToken.None));

        Assert.Equal(GitFailure.RevisionNotFound, error.Failure);
        Assert.Equal($"commit '{missing}' not found in {_remote.FileUrl}", error.Message);
    }

    [Fact]
    public async Task A_parent_is_an_ancestor_and_a_child_is_not()
    {
        var next = _remote.Write("apps/web/deploy.yaml", "v: 2\n").Commit("second");
        _remote.Push();
        var sources = _remote.Sources();

        Assert.True(await sources.IsAncestorAsync(_remote.FileUrl, _first, next, null, CancellationToken.None));
        Assert.True(await sources.IsAncestorAsync(_remote.FileUrl, next, next, null, CancellationToken.None));
        Assert.False(await sources.IsAncestorAsync(_remote.FileUrl, next, _first, null, CancellationToken.None));
    }

    [Fact]
    public async Task A_force_push_leaves_the_old_head_a_non_ancestor()
    {
        var sources = _remote.Sources();
        var old = _remote.Write("apps/web/deploy.yaml", "v: 2\n").Commit("second");
        _remote.Push();
        await sources.CheckoutAsync(_remote.FileUrl, "main", null, CancellationToken.None);
        var rewritten = _remote.ResetHard(_first).Write("apps/web/deploy.yaml", "v: 3\n").Commit("second, rewritten");
        _remote.Push(force: true);

        Assert.False(await sources.IsAncestorAsync(_remote.FileUrl, old, rewritten, null, CancellationToken.None));
        Assert.True(await sources.IsAncestorAsync(_remote.FileUrl, _first, rewritten, null, CancellationToken.None));
    }

    [Fact]
    public async Task An_old_head_the_mirror_never_saw_is_not_an_ancestor()
    {
        var unknown = new string('c', 40);

        Assert.False(await _remote.Sources().IsAncestorAsync(_remote.FileUrl, unknown, _first, null, CancellationToken.None));
    }
}
