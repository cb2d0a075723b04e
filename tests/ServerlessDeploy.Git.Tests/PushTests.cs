using LibGit2Sharp;
using ServerlessDeploy.Core.Sources;
using ServerlessDeploy.Git.Tests.Fixtures;

namespace ServerlessDeploy.Git.Tests;

public sealed class PushTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private static readonly string[] Pushers = ["a", "b"];
    private static readonly CommitIdentity Bot = new("image-updater", "bot@example.com");
    private readonly TestRemote _remote = new();
    private readonly string _start;

    public PushTests()
    {
        _start = _remote.Write("apps/web/deploy.yaml", "image: web:1\n").Write("bin/run.sh", "#!/bin/sh\n", executable: true).Commit("start");
        _remote.Push();
    }

    public void Dispose() => _remote.Dispose();

    [Fact]
    public async Task The_edits_land_on_the_branch_as_one_commit_by_the_author_at_the_clock_time()
    {
        var sha = await _remote.Sources(new InterferingClock(Now, 0, () => { })).CommitAndPushAsync(
            _remote.FileUrl,
            "main",
            [new FileEdit("apps/web/deploy.yaml", "image: web:2\n"), new FileEdit("apps/web/.argocd-source-web.yaml", "kustomize: {}\n"), new FileEdit("bin/run.sh", "#!/bin/sh\nexit 0\n")],
            Bot,
            "build: web:2",
            null,
            CancellationToken.None);

        using var bare = new Repository(_remote.Bare);
        var commit = bare.Branches["main"].Tip;
        Assert.Equal(commit.Sha, sha);
        Assert.Equal(_start, Assert.Single(commit.Parents).Sha);
        Assert.Equal(("image-updater", "bot@example.com", Now), (commit.Author.Name, commit.Author.Email, commit.Author.When));
        Assert.Equal("build: web:2\n", commit.Message);
        Assert.Equal("image: web:2\n", _remote.RemoteFile(sha, "apps/web/deploy.yaml"));
        Assert.Equal("kustomize: {}\n", _remote.RemoteFile(sha, "apps/web/.argocd-source-web.yaml"));
        Assert.Equal(Mode.ExecutableFile, commit["bin/run.sh"].Mode);
    }

    [Fact]
    public async Task Edits_that_change_nothing_commit_nothing()
    {
        var sha = await _remote.Sources().CommitAndPushAsync(_remote.FileUrl, "main", [new FileEdit("apps/web/deploy.yaml", "image: web:1\n")], Bot, "no-op", null, CancellationToken.None);

        Assert.Equal(_start, sha);
        Assert.Equal(_start, _remote.RemoteHead());
    }

    [Fact]
    public async Task When_the_branch_moves_on_before_the_push_the_edits_are_applied_again_on_its_new_head()
    {
        string? competitor = null;
        var clock = new InterferingClock(Now, 1, () =>
        {
            competitor = _remote.Write("apps/api/deploy.yaml", "image: api:7\n").Commit("api");
            _remote.Push();
        });

        var sha = await _remote.Sources(clock).CommitAndPushAsync(_remote.FileUrl, "main", [new FileEdit("apps/web/deploy.yaml", "image: web:2\n")], Bot, "web", null, CancellationToken.None);

        using var bare = new Repository(_remote.Bare);
        var head = bare.Branches["main"].Tip;
        Assert.Equal(head.Sha, sha);
        Assert.Equal(competitor, Assert.Single(head.Parents).Sha);
        Assert.Equal("image: api:7\n", _remote.RemoteFile(sha, "apps/api/deploy.yaml"));
        Assert.Equal("image: web:2\n", _remote.RemoteFile(sha, "apps/web/deploy.yaml"));
    }

    [Fact]
    public async Task A_rewrite_of_a_file_another_writer_changed_meanwhile_is_applied_to_their_version()
    {
        _remote.Write("values.yaml", "web: 1\napi: 1\n").Commit("values");
        _remote.Push();
        var clock = new InterferingClock(Now, 1, () =>
        {
            _remote.Write("values.yaml", "web: 1\napi: 7\n").Commit("api");
            _remote.Push();
        });

        var sha = await _remote.Sources(clock).CommitAndPushAsync(
            _remote.FileUrl, "main", [new FileEdit("values.yaml", text => text!.Replace("web: 1", "web: 2", StringComparison.Ordinal))], Bot, "web", null, CancellationToken.None);

        Assert.Equal("web: 2\napi: 7\n", _remote.RemoteFile(sha, "values.yaml"));
    }

    [Fact]
    public async Task A_branch_that_keeps_moving_is_reported_after_the_configured_attempts()
    {
        var round = 0;
        var clock = new InterferingClock(Now, int.MaxValue, () =>
        {
            _remote.Write("counter", $"{++round}").Commit("race");
            _remote.Push();
        });
        var sources = new GitSources(new GitSourceOptions(_remote.Cache) { PushAttempts = 3, PushRetryDelay = TimeSpan.Zero }, clock);

        var error = await Assert.ThrowsAsync<GitSourceException>(() =>
            sources.CommitAndPushAsync(_remote.FileUrl, "main", [new FileEdit("apps/web/deploy.yaml", "image: web:2\n")], Bot, "web", null, CancellationToken.None));

        Assert.Equal(GitFailure.PushRejected, error.Failure);
        Assert.StartsWith($"cannot push to branch 'main' of {_remote.FileUrl}: refused 3 times", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, clock.Interferences);
    }

    [Fact]
    public async Task Two_pushers_with_their_own_caches_racing_on_one_remote_both_land_every_commit()
    {
        var pushers = Pushers.Select(name => PushSeriesAsync(_remote.Sources(cache: Path.Combine(_remote.Root, "cache-" + name)), name));

        await Task.WhenAll(pushers);

        using var bare = new Repository(_remote.Bare);
        var head = bare.Branches["main"].Tip;
        Assert.Equal(7, bare.Commits.QueryBy(new CommitFilter { IncludeReachableFrom = head }).Count());
        foreach (var file in Pushers.SelectMany(name => Enumerable.Range(1, 3).Select(i => $"{name}{i}")))
        {
            Assert.Equal(file, _remote.RemoteFile(head.Sha, $"apps/{file}.yaml"));
        }
    }

    [Theory]
    [InlineData("../outside.yaml")]
    [InlineData("/etc/passwd")]
    [InlineData(".git/config")]
    [InlineData("apps//web.yaml")]
    [InlineData("apps/web")]
    [InlineData("apps/web/deploy.yaml/inner")]
    public async Task Paths_outside_the_repository_or_over_folders_are_refused_and_nothing_is_pushed(string path)
    {
        var error = await Assert.ThrowsAsync<GitSourceException>(() =>
            _remote.Sources().CommitAndPushAsync(_remote.FileUrl, "main", [new FileEdit(path, "x")], Bot, "bad", null, CancellationToken.None));

        Assert.Equal(GitFailure.InvalidRequest, error.Failure);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Equal(_start, _remote.RemoteHead());
    }

    [Fact]
    public async Task A_missing_branch_is_a_clear_error()
    {
        var error = await Assert.ThrowsAsync<GitSourceException>(() =>
            _remote.Sources().CommitAndPushAsync(_remote.FileUrl, "release", [new FileEdit("a.yaml", "x")], Bot, "m", null, CancellationToken.None));

        Assert.Equal($"branch 'release' not found in {_remote.FileUrl}", error.Message);
    }

    private async Task PushSeriesAsync(GitSources sources, string name)
    {
        await Task.Yield();
        for (var i = 1; i <= 3; i++)
        {
            await sources.CommitAndPushAsync(_remote.FileUrl, "main", [new FileEdit($"apps/{name}{i}.yaml", $"{name}{i}")], Bot, $"{name} {i}", null, CancellationToken.None);
        }
    }
}
