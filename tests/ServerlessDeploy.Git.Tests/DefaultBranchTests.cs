using ServerlessDeploy.Core.Sources;
using ServerlessDeploy.Git.Tests.Fixtures;

namespace ServerlessDeploy.Git.Tests;

/// <summary>The branch a remote's HEAD names: what an Application at HEAD tracks.</summary>
public sealed class DefaultBranchTests : IDisposable
{
    private static readonly GitCredentials Token = GitCredentials.FromToken("ghs_token-secret");
    private readonly TestRemote _remote = new();

    public DefaultBranchTests()
    {
        _remote.Write("app/deploy.yaml", "v: 1\n").Commit("first");
        _remote.Push().Checkout("trunk", create: true).Push();
    }

    public void Dispose() => _remote.Dispose();

    [Fact]
    public async Task The_default_branch_is_the_one_the_remotes_HEAD_names_by_file_url_and_by_path()
    {
        var sources = _remote.Sources();

        Assert.Equal("main", (await sources.DefaultBranchAsync(_remote.FileUrl, null, CancellationToken.None))?.Name);
        Assert.Equal("main", (await sources.DefaultBranchAsync(_remote.Bare, null, CancellationToken.None))?.Name);
    }

    [Fact]
    public async Task A_default_branch_not_named_main_is_read_from_the_remote_even_when_both_branches_hold_the_same_commit()
    {
        NameDefaultBranch("trunk");

        Assert.Equal("trunk", (await _remote.Sources().DefaultBranchAsync(_remote.FileUrl, null, CancellationToken.None))?.Name);
    }

    [Fact]
    public async Task The_default_branch_comes_with_its_tip_as_pushed_since_the_last_question()
    {
        var sources = _remote.Sources();
        var first = _remote.RemoteHead("main");
        var before = await sources.DefaultBranchAsync(_remote.FileUrl, null, CancellationToken.None);

        _remote.Checkout("main").Write("app/deploy.yaml", "v: 2\n").Commit("second");
        _remote.Push();
        var after = await sources.DefaultBranchAsync(_remote.FileUrl, null, CancellationToken.None);

        Assert.Equal(new DefaultBranch("main", first), before);
        Assert.Equal(new DefaultBranch("main", _remote.RemoteHead("main")), after);
        Assert.NotEqual(before!.Tip, after!.Tip);
    }

    [Fact]
    public async Task A_changed_default_branch_is_seen_on_the_next_question()
    {
        var sources = _remote.Sources();
        await sources.DefaultBranchAsync(_remote.FileUrl, null, CancellationToken.None);

        NameDefaultBranch("trunk");

        Assert.Equal("trunk", (await sources.DefaultBranchAsync(_remote.FileUrl, null, CancellationToken.None))?.Name);
    }

    [Fact]
    public async Task The_default_branch_over_smart_http_comes_from_the_advertised_symbolic_HEAD()
    {
        NameDefaultBranch("trunk");
        using var server = new GitHttpServer(_remote.Root, Token);

        Assert.Equal("trunk", (await _remote.Sources().DefaultBranchAsync(server.UrlOf("remote.git"), Token, CancellationToken.None))?.Name);
    }

    [Fact]
    public async Task A_plain_folder_has_no_default_branch()
    {
        var folder = Directory.CreateTempSubdirectory("sdeploy-plain-").FullName;
        try
        {
            Assert.Null(await _remote.Sources().DefaultBranchAsync(folder, null, CancellationToken.None));
        }
        finally
        {
            Directory.Delete(folder);
        }
    }

    private void NameDefaultBranch(string branch) =>
        File.WriteAllText(Path.Combine(_remote.Bare, "HEAD"), $"ref: refs/heads/{branch}\n");
}
