using ServerlessDeploy.Core.Sources;
using ServerlessDeploy.Git.Sources;
using ServerlessDeploy.Git.Tests.Fixtures;

namespace ServerlessDeploy.Git.Tests.Sources;

/// <summary>Git behind the source port: revisions with their author and message, their order, and credentials looked up per call.</summary>
public sealed class GitSourceRepositoryTests : IDisposable
{
    private readonly TestRemote _remote = new();
    private readonly RecordingCredentials _credentials = new();
    private readonly GitSourceRepository _sources;
    private readonly string _first;

    public GitSourceRepositoryTests()
    {
        _sources = new GitSourceRepository(_remote.Sources(), _credentials);
        _first = _remote.Write("apps/web/deploy.yaml", "v: 1\n").Commit("first\n\nwith a body\n");
        _remote.Push();
    }

    public void Dispose() => _remote.Dispose();

    [Fact]
    public async Task A_resolved_revision_carries_its_author_message_and_time()
    {
        var lookup = await _sources.ResolveAsync(_remote.FileUrl, "main", CancellationToken.None);

        var revision = Assert.IsType<SourceRevision>(lookup.Revision);
        Assert.Equal(_first, revision.Id);
        Assert.Equal(new CommitIdentity("Test", "test@example.com"), revision.Author);
        Assert.Equal("first\n\nwith a body", revision.Message);
        Assert.NotNull(revision.Time);
    }

    [Fact]
    public async Task A_revision_that_is_not_there_is_a_value_naming_it()
    {
        var lookup = await _sources.ResolveAsync(_remote.FileUrl, "no-such-branch", CancellationToken.None);

        Assert.Null(lookup.Revision);
        Assert.StartsWith($"revision 'no-such-branch' not found in {_remote.FileUrl}", lookup.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plain_folder_resolves_to_an_empty_revision_and_has_no_order()
    {
        var folder = Directory.CreateTempSubdirectory("sdeploy-plain-").FullName;
        try
        {
            Assert.Equal("", (await _sources.ResolveAsync(folder, "HEAD", CancellationToken.None)).Revision?.Id);
            Assert.Equal(RevisionOrder.Unknown, await _sources.CompareAsync(folder, _first, _first, CancellationToken.None));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Revisions_are_the_same_newer_or_older_along_one_history()
    {
        var next = _remote.Write("apps/web/deploy.yaml", "v: 2\n").Commit("second");
        _remote.Push();

        Assert.Equal(RevisionOrder.Same, await _sources.CompareAsync(_remote.FileUrl, _first, _first, CancellationToken.None));
        Assert.Equal(RevisionOrder.Newer, await _sources.CompareAsync(_remote.FileUrl, next, _first, CancellationToken.None));
        Assert.Equal(RevisionOrder.Older, await _sources.CompareAsync(_remote.FileUrl, _first, next, CancellationToken.None));
    }

    [Fact]
    public async Task A_force_push_leaves_the_two_heads_diverged()
    {
        var old = _remote.Write("apps/web/deploy.yaml", "v: 2\n").Commit("second");
        _remote.Push();
        await _sources.CheckoutAsync(_remote.FileUrl, "main", CancellationToken.None);
        var rewritten = _remote.ResetHard(_first).Write("apps/web/deploy.yaml", "v: 3\n").Commit("second, rewritten");
        _remote.Push(force: true);

        Assert.Equal(RevisionOrder.Diverged, await _sources.CompareAsync(_remote.FileUrl, rewritten, old, CancellationToken.None));
        Assert.Equal(RevisionOrder.Diverged, await _sources.CompareAsync(_remote.FileUrl, old, rewritten, CancellationToken.None));
    }

    [Fact]
    public async Task A_revision_the_repository_lacks_is_missing_and_a_baseline_it_lacks_is_diverged()
    {
        var unknown = new string('c', 40);

        Assert.Equal(RevisionOrder.Missing, await _sources.CompareAsync(_remote.FileUrl, unknown, _first, CancellationToken.None));
        Assert.Equal(RevisionOrder.Diverged, await _sources.CompareAsync(_remote.FileUrl, _first, unknown, CancellationToken.None));
    }

    /// <summary>
    /// An app last deployed from a CodePipeline artifact records the artifact's label as its revision; the next Git
    /// revision is not in that label's history, so it deploys (it used to fail: "'build-42' is not a commit sha").
    /// </summary>
    [Theory]
    [InlineData("build-42")]
    [InlineData("artifact 2026-12-06")]
    [InlineData("")]
    public async Task A_baseline_that_is_no_commit_sha_is_diverged(string label) =>
        Assert.Equal(RevisionOrder.Diverged, await _sources.CompareAsync(_remote.FileUrl, _first, label, CancellationToken.None));

    [Fact]
    public async Task Each_call_looks_up_the_credentials_of_its_repository()
    {
        var next = _remote.Write("apps/api/deploy.yaml", "v: 1\n").Commit("api");
        _remote.Push();

        await _sources.ResolveAsync(_remote.FileUrl, "main", CancellationToken.None);
        await _sources.CheckoutAsync(_remote.FileUrl, next, CancellationToken.None);
        await _sources.CompareAsync(_remote.FileUrl, next, _first, CancellationToken.None);
        await _sources.ChangedPathsAsync(_remote.FileUrl, _first, next, CancellationToken.None);
        await _sources.DefaultBranchAsync(_remote.FileUrl, CancellationToken.None);
        await new GitSourceWriter(_remote.Sources(), _credentials).CommitAsync(
            _remote.FileUrl, "main", [new FileEdit("apps/api/deploy.yaml", "v: 2\n")], new CommitIdentity("bot", "bot@example.com"), "v2", CancellationToken.None);

        Assert.Equal(Enumerable.Repeat(_remote.FileUrl, 6), _credentials.Asked);
    }

    [Fact]
    public async Task A_checkout_reads_the_commits_files_by_relative_path()
    {
        _remote.Write("apps/web/values/b.yaml", "b\n").Write("apps/web/values/a.yaml", "a\n").Commit("values");
        _remote.Push();

        var tree = await _sources.CheckoutAsync(_remote.FileUrl, "main", CancellationToken.None);

        Assert.Equal(_remote.RemoteHead(), tree.Revision);
        Assert.Equal(_remote.FileUrl, tree.RepoUrl);
        Assert.Equal(["apps/web/deploy.yaml", "apps/web/values/a.yaml", "apps/web/values/b.yaml"], tree.FilesUnder("apps"));
        Assert.Empty(tree.FilesUnder("no/such/folder"));
        Assert.True(tree.FileExists("apps/web/deploy.yaml"));
        Assert.False(tree.FileExists("apps/web"));
        Assert.Equal("a\n", await tree.ReadTextAsync("apps/web/values/a.yaml", CancellationToken.None));
        Assert.True(File.Exists(Path.Combine(tree.Root, "apps/web/deploy.yaml")));
    }

    /// <summary>Records each repository it is asked about; hands out no credentials (file:// needs none).</summary>
    private sealed class RecordingCredentials : IGitCredentialSource
    {
        private readonly List<string> _asked = [];

        public IReadOnlyList<string> Asked
        {
            get
            {
                lock (_asked)
                {
                    return [.. _asked];
                }
            }
        }

        public Task<GitCredentials?> ForAsync(string repoUrl, CancellationToken cancellationToken)
        {
            lock (_asked)
            {
                _asked.Add(repoUrl);
            }

            return Task.FromResult<GitCredentials?>(null);
        }
    }
}
