using ServerlessDeploy.Git.Tests.Fixtures;

namespace ServerlessDeploy.Git.Tests;

public sealed class ConcurrencyTests : IDisposable
{
    private readonly TestRemote _remote = new();

    public void Dispose() => _remote.Dispose();

    [Fact]
    public async Task Concurrent_checkouts_of_one_repository_share_one_mirror_and_complete_trees()
    {
        var shas = Enumerable.Range(1, 4)
            .Select(i => _remote.Write("app/deploy.yaml", $"v: {i}\n").Write($"app/file{i}.yaml", "x\n").Commit($"commit {i}"))
            .ToList();
        _remote.Push();
        var sources = _remote.Sources();

        var checkouts = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => Task.Run(() =>
            sources.CheckoutAsync(_remote.FileUrl, shas[i % shas.Count][..10], null, CancellationToken.None))));

        for (var i = 0; i < checkouts.Length; i++)
        {
            var version = (i % shas.Count) + 1;
            Assert.Equal(shas[version - 1], checkouts[i].Revision);
            Assert.Equal($"v: {version}\n", File.ReadAllText(Path.Combine(checkouts[i].Root, "app/deploy.yaml")));
            Assert.Equal(version + 1, Directory.GetFiles(Path.Combine(checkouts[i].Root, "app")).Length);
        }

        Assert.Single(Directory.GetDirectories(Path.Combine(_remote.Cache, "repos")));
        Assert.Equal(shas.Order(StringComparer.Ordinal), Directory.GetDirectories(Path.Combine(_remote.Cache, "trees")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Checkouts_by_url_and_by_path_of_different_repositories_run_side_by_side()
    {
        using var other = new TestRemote();
        _remote.Write("a.yaml", "a\n").Commit("a");
        _remote.Push();
        other.Write("b.yaml", "b\n").Commit("b");
        other.Push();
        var sources = _remote.Sources();

        var checkouts = await Task.WhenAll(
            sources.CheckoutAsync(_remote.FileUrl, "HEAD", null, CancellationToken.None),
            sources.CheckoutAsync(other.Bare, "HEAD", null, CancellationToken.None),
            sources.CheckoutAsync(_remote.Bare, "main", null, CancellationToken.None));

        Assert.True(File.Exists(Path.Combine(checkouts[0].Root, "a.yaml")));
        Assert.True(File.Exists(Path.Combine(checkouts[1].Root, "b.yaml")));
        Assert.Equal(checkouts[0].Root, checkouts[2].Root);
        Assert.Equal(2, Directory.GetDirectories(Path.Combine(_remote.Cache, "repos")).Length);
    }
}
