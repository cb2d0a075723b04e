using ServerlessDeploy.Git.Tests.Fixtures;

namespace ServerlessDeploy.Git.Tests;

public sealed class CheckoutTests : IDisposable
{
    private readonly TestRemote _remote = new();
    private readonly string _first;
    private readonly string _second;

    public CheckoutTests()
    {
        _first = _remote.Write("app/deploy.yaml", "v: 1\n").Commit("first");
        _second = _remote.Write("app/deploy.yaml", "v: 2\n").Commit("second");
        _remote.Push();
    }

    public void Dispose() => _remote.Dispose();

    [Theory]
    [InlineData("")]
    [InlineData("HEAD")]
    [InlineData("main")]
    [InlineData("refs/heads/main")]
    public async Task The_default_branch_head_by_file_url(string revision)
    {
        var checkout = await _remote.Sources().CheckoutAsync(_remote.FileUrl, revision, null, CancellationToken.None);

        Assert.Equal(_second, checkout.Revision);
        Assert.True(checkout.IsCommit);
        Assert.Equal("v: 2\n", File.ReadAllText(Path.Combine(checkout.Root, "app/deploy.yaml")));
        Assert.Equal(_remote.FileUrl, checkout.RepoUrl);
    }

    [Fact]
    public async Task The_default_branch_head_by_absolute_path()
    {
        var checkout = await _remote.Sources().CheckoutAsync(_remote.Bare, "HEAD", null, CancellationToken.None);

        Assert.Equal(_second, checkout.Revision);
        Assert.Equal(Path.Combine(_remote.Cache, "trees", _second), checkout.Root);
    }

    [Fact]
    public async Task A_working_repository_by_path_is_read_at_its_head_not_its_working_files()
    {
        File.WriteAllText(Path.Combine(_remote.WorkPath, "app/deploy.yaml"), "uncommitted\n");

        var checkout = await _remote.Sources().CheckoutAsync(_remote.WorkPath, "HEAD", null, CancellationToken.None);

        Assert.Equal(_second, checkout.Revision);
        Assert.Equal("v: 2\n", File.ReadAllText(Path.Combine(checkout.Root, "app/deploy.yaml")));
    }

    [Fact]
    public async Task A_branch_is_read_at_its_head()
    {
        _remote.Checkout("feature", create: true).Write("app/extra.yaml", "x: 1\n").Commit("feature");
        _remote.Push().Checkout("main");

        var checkout = await _remote.Sources().CheckoutAsync(_remote.FileUrl, "feature", null, CancellationToken.None);

        Assert.Equal(_remote.RemoteHead("feature"), checkout.Revision);
        Assert.True(File.Exists(Path.Combine(checkout.Root, "app/extra.yaml")));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("release one")]
    public async Task A_tag_is_read_at_the_commit_it_points_at(string? annotation)
    {
        _remote.ResetHard(_first).Tag("v1.0.0", annotation).ResetHard(_second);

        var checkout = await _remote.Sources().CheckoutAsync(_remote.FileUrl, "v1.0.0", null, CancellationToken.None);

        Assert.Equal(_first, checkout.Revision);
        Assert.Equal("v: 1\n", File.ReadAllText(Path.Combine(checkout.Root, "app/deploy.yaml")));
    }

    [Theory]
    [InlineData(40)]
    [InlineData(7)]
    public async Task A_full_or_abbreviated_sha_is_read_as_that_commit(int digits)
    {
        var checkout = await _remote.Sources().CheckoutAsync(_remote.FileUrl, _first[..digits], null, CancellationToken.None);

        Assert.Equal(_first, checkout.Revision);
        Assert.Equal("v: 1\n", File.ReadAllText(Path.Combine(checkout.Root, "app/deploy.yaml")));
    }

    [Fact]
    public async Task Resolving_a_branch_fetches_its_new_head_without_writing_a_tree()
    {
        var sources = _remote.Sources();
        Assert.Equal(_second, await sources.ResolveAsync(_remote.FileUrl, "HEAD", null, CancellationToken.None));
        var third = _remote.Write("app/deploy.yaml", "v: 3\n").Commit("third");
        _remote.Push();

        Assert.Equal(third, await sources.ResolveAsync(_remote.FileUrl, "main", null, CancellationToken.None));
        Assert.False(Directory.Exists(Path.Combine(_remote.Cache, "trees", third)));
    }

    [Fact]
    public async Task A_later_checkout_fetches_new_commits_and_leaves_earlier_trees_as_they_were()
    {
        var sources = _remote.Sources();
        var before = await sources.CheckoutAsync(_remote.FileUrl, "main", null, CancellationToken.None);
        var third = _remote.Write("app/deploy.yaml", "v: 3\n").Commit("third");
        _remote.Push();

        var after = await sources.CheckoutAsync(_remote.FileUrl, "main", null, CancellationToken.None);

        Assert.Equal(third, after.Revision);
        Assert.Equal("v: 3\n", File.ReadAllText(Path.Combine(after.Root, "app/deploy.yaml")));
        Assert.Equal("v: 2\n", File.ReadAllText(Path.Combine(before.Root, "app/deploy.yaml")));
    }

    [Fact]
    public async Task A_force_pushed_branch_and_a_deleted_branch_are_seen_on_the_next_checkout()
    {
        var sources = _remote.Sources();
        _remote.Checkout("feature", create: true).Write("f.txt", "one").Commit("feature one");
        _remote.Push("feature");
        await sources.CheckoutAsync(_remote.FileUrl, "feature", null, CancellationToken.None);
        var replaced = _remote.ResetHard(_second).Write("f.txt", "two").Commit("feature two");
        _remote.Push("feature", force: true);

        var forced = await sources.CheckoutAsync(_remote.FileUrl, "feature", null, CancellationToken.None);
        _remote.DeleteRemoteBranch("feature");
        var gone = await Assert.ThrowsAsync<GitSourceException>(() => sources.CheckoutAsync(_remote.FileUrl, "feature", null, CancellationToken.None));

        Assert.Equal(replaced, forced.Revision);
        Assert.Equal(GitFailure.RevisionNotFound, gone.Failure);
    }

    [Fact]
    public async Task A_commit_is_materialised_once_and_reused()
    {
        var sources = _remote.Sources();
        var one = await sources.CheckoutAsync(_remote.FileUrl, "main", null, CancellationToken.None);
        var marker = Path.Combine(one.Root, "marker");
        await File.WriteAllTextAsync(marker, "left by the test");

        var two = await sources.CheckoutAsync(_remote.FileUrl, _second, null, CancellationToken.None);

        Assert.Equal(one.Root, two.Root);
        Assert.True(File.Exists(marker));
        Assert.Single(Directory.GetDirectories(Path.Combine(_remote.Cache, "trees")));
    }

    [Fact]
    public async Task Files_keep_their_executable_bit_links_stay_links_and_modes_are_plain()
    {
        _remote.Write("bin/run.sh", "#!/bin/sh\n", executable: true).Link("app/current", "deploy.yaml").Link("escape", "../../../etc").Commit("tools");
        _remote.Push();

        var checkout = await _remote.Sources().CheckoutAsync(_remote.FileUrl, "HEAD", null, CancellationToken.None);

        Assert.True(File.GetUnixFileMode(Path.Combine(checkout.Root, "bin/run.sh")).HasFlag(UnixFileMode.UserExecute));
        Assert.False(File.GetUnixFileMode(Path.Combine(checkout.Root, "app/deploy.yaml")).HasFlag(UnixFileMode.UserExecute));
        var link = new FileInfo(Path.Combine(checkout.Root, "app/current"));
        Assert.Equal("deploy.yaml", link.LinkTarget);
        Assert.Equal("v: 2\n", File.ReadAllText(link.FullName));
        Assert.Equal("../../../etc", new DirectoryInfo(Path.Combine(checkout.Root, "escape")).LinkTarget);
    }

    [Fact]
    public async Task A_plain_folder_is_read_as_it_is_and_the_revision_ignored()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_remote.Root, "plain")).FullName;
        File.WriteAllText(Path.Combine(folder, "cm.yaml"), "kind: ConfigMap\n");

        var byPath = await _remote.Sources().CheckoutAsync(folder, "v9.9.9", null, CancellationToken.None);
        var byUrl = await _remote.Sources().CheckoutAsync(new Uri(folder).AbsoluteUri, "HEAD", null, CancellationToken.None);

        Assert.Equal(new SourceCheckout(folder, "", folder), byPath);
        Assert.Equal(folder, byUrl.Root);
        Assert.False(byUrl.IsCommit);
    }
}
