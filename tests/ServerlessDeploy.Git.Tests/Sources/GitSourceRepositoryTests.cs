using ServerlessDeploy.Core.Sources;
using ServerlessDeploy.Git.Sources;
using ServerlessDeploy.Git.Tests.Fixtures;

namespace ServerlessDeploy.Git.Tests.Sources;

/// <summary>Git behind the source port: revisions with their author and message, their order, and credentials looked up per call.</summary>
public sealed class GitSourceRepositoryTests : IDisposable
{
    private readonly TestRemote remote = new();
    private readonly RecordingCredentials credentials = new();
    private readonly GitSourceRepository sources;
    private readonly string first;

    public GitSourceRepositoryTests()
    {
        sources = new GitSourceRepository(remote.Sources(), credentials);
        first = remote.Write("apps/web/deploy.yaml", "v: 1\n").Commit("first\n\nwith a body\n");
        remote.Push();
    }

    public void Dispose() => remote.Dispose();

    [Fact]
    public async Task A_resolved_revision_carries_its_author_message_and_time()
    {
        var lookup = await sources.ResolveAsync(remote.FileUrl, "main", CancellationToken.None);

        var revision = Assert.IsType<SourceRevision>(lookup.Revision);
        Assert.Equal(first, revision.Id);
        Assert.Equal(new CommitIdentity("Test", "test@example.com"), revision.Author);
        Assert.Equal("first\n\nwith a body", revision.Message);
        Assert.NotNull(revision.Time);
    }

    [Fact]
    public async Task A_revision_that_is_not_there_is_a_value_naming_it()
    {
        var lookup = await sources.ResolveAsync(remote.FileUrl, "no-such-branch", CancellationToken.None);

        Assert.Null(lookup.Revision);
        Assert.StartsWith($"revision 'no-such-branch' not found in {remote.FileUrl}", lookup.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plain_folder_resolves_to_an_empty_revision_and_has_no_order()
    {
        var folder = Directory.CreateTempSubdirectory("sdeploy-plain-").FullName;
        try
        {
            Assert.Equal("", (await sources.ResolveAsync(folder, "HEAD", CancellationToken.None)).Revision?.Id);
            Assert.Equal(RevisionOrder.Unknown, await sources.CompareAsync(folder, first, first, CancellationToken.None));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Revisions_are_the_same_newer_or_older_along_one_history()
    {
        var next = remote.Write("apps/web/deploy.yaml", "v: 2\n").Commit("second");
        remote.Push();

        Assert.Equal(RevisionOrder.Same, await sources.CompareAsync(remote.FileUrl, first, first, CancellationToken.None));
        Assert.Equal(RevisionOrder.Newer, await sources.CompareAsync(remote.FileUrl, next, first, CancellationToken.None));
        Assert.Equal(RevisionOrder.Older, await sources.CompareAsync(remote.FileUrl, first, next, CancellationToken.None));
    }

    [Fact]
    public async Task A_force_push_leaves_the_two_heads_diverged()
    {
        var old = remote.Write("apps/web/deploy.yaml", "v: 2\n").Commit("second");
        remote.Push();
        await sources.CheckoutAsync(remote.FileUrl, "main", CancellationToken.None);
        var rewritten = remote.ResetHard(first).Write("apps/web/deploy.yaml", "v: 3\n").Commit("second, rewritten");
        remote.Push(force: true);

        Assert.Equal(RevisionOrder.Diverged, await sources.CompareAsync(remote.FileUrl, rewritten, old, CancellationToken.None));
        Assert.Equal(RevisionOrder.Diverged, await sources.CompareAsync(remote.FileUrl, old, rewritten, CancellationToken.None));
    }

    [Fact]
    public async Task A_revision_the_repository_lacks_is_missing_and_a_baseline_it_lacks_is_diverged()
    {
        var unknown = new string('c', 40);

        Assert.Equal(RevisionOrder.Missing, await sources.CompareAsync(remote.FileUrl, unknown, first, CancellationToken.None));
        Assert.Equal(RevisionOrder.Diverged, await sources.CompareAsync(remote.FileUrl, first, unknown, CancellationToken.None));
    }

    [Fact]
    public async Task Each_call_looks_up_the_credentials_of_its_repository()
    {
        var next = remote.Write("apps/api/deploy.yaml", "v: 1\n").Commit("api");
        remote.Push();

        await sources.ResolveAsync(remote.FileUrl, "main", CancellationToken.None);
        await sources.CheckoutAsync(remote.FileUrl, next, CancellationToken.None);
        await sources.CompareAsync(remote.FileUrl, next, first, CancellationToken.None);
        await sources.ChangedPathsAsync(remote.FileUrl, first, next, CancellationToken.None);
        await sources.DefaultBranchAsync(remote.FileUrl, CancellationToken.None);
        await new GitSourceWriter(remote.Sources(), credentials).CommitAsync(
            remote.FileUrl, "main", [new FileEdit("apps/api/deploy.yaml", "v: 2\n")], new CommitIdentity("bot", "bot@example.com"), "v2", CancellationToken.None);

        Assert.Equal(Enumerable.Repeat(remote.FileUrl, 6), credentials.Asked);
    }

    [Fact]
    public async Task A_checkout_reads_the_commits_files_by_relative_path()
    {
        remote.Write("apps/web/values/b.yaml", "b\n").Write("apps/web/values/a.yaml", "a\n").Commit("values");
        remote.Push();

        var tree = await sources.CheckoutAsync(remote.FileUrl, "main", CancellationToken.None);

        Assert.Equal(remote.RemoteHead(), tree.Revision);
        Assert.Equal(remote.FileUrl, tree.RepoUrl);
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
        private readonly List<string> asked = [];

        public IReadOnlyList<string> Asked
        {
            get
            {
                lock (asked)
                {
                    return [.. asked];
                }
            }
        }

        public Task<GitCredentials?> ForAsync(string repoUrl, CancellationToken cancellationToken)
        {
            lock (asked)
            {
                asked.Add(repoUrl);
            }

            return Task.FromResult<GitCredentials?>(null);
        }
    }
}
