using ServerlessDeploy.Core.Sources;
using ServerlessDeploy.Functions.CodePipeline;

namespace ServerlessDeploy.Functions.Tests.CodePipeline;

/// <summary>An unpacked artifact as a source: its label is every revision, its folder the tree, and it keeps no history.</summary>
public sealed class ArtifactSourceTests : IDisposable
{
    private const string RepoUrl = "https://github.com/example/config.git";

    private readonly string _root = Directory.CreateTempSubdirectory("sdeploy-artifact-").FullName;
    private readonly ArtifactSource _source;

    public ArtifactSourceTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "workloads", "a"));
        File.WriteAllText(Path.Combine(_root, "workloads", "a", "settings.yaml"), "kind: ConfigMap\n");
        _source = new ArtifactSource(_root, "artifacts/a.zip");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Theory]
    [InlineData("")]
    [InlineData("HEAD")]
    [InlineData("9f1c2a7e5b3d4c6a8e0f1b2c3d4e5f60718293a4")]
    public async Task Every_revision_resolves_to_the_artifacts_label(string revision)
    {
        var lookup = await _source.ResolveAsync(RepoUrl, revision, CancellationToken.None);

        Assert.Equal(new SourceRevision("artifacts/a.zip"), lookup.Revision);
    }

    [Fact]
    public async Task Its_tree_is_the_unpacked_folder_at_the_label()
    {
        var tree = await _source.CheckoutAsync(RepoUrl, "artifacts/a.zip", CancellationToken.None);

        Assert.Equal(_root, tree.Root);
        Assert.Equal("artifacts/a.zip", tree.Revision);
        Assert.Equal(RepoUrl, tree.RepoUrl);
        Assert.Equal(["workloads/a/settings.yaml"], tree.FilesUnder("workloads"));
        Assert.Equal("kind: ConfigMap\n", await tree.ReadTextAsync("workloads/a/settings.yaml", CancellationToken.None));
    }

    [Fact]
    public async Task It_keeps_no_history_order_changes_or_branches()
    {
        Assert.Equal(RevisionOrder.Unknown, await _source.CompareAsync(RepoUrl, "artifacts/a.zip", "9f1c2a7e5b3d4c6a8e0f1b2c3d4e5f60718293a4", CancellationToken.None));
        Assert.Null(await _source.ChangedPathsAsync(RepoUrl, "a", "b", CancellationToken.None));
        Assert.Null(await _source.DefaultBranchAsync(RepoUrl, CancellationToken.None));
    }
}
