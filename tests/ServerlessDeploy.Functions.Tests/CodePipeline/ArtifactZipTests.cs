using ServerlessDeploy.Functions.CodePipeline;
using ServerlessDeploy.Functions.Tests.Support;

namespace ServerlessDeploy.Functions.Tests.CodePipeline;

/// <summary>Unpacking a pipeline artifact: files land in the folder; an archive too big to unpack writes nothing.</summary>
public sealed class ArtifactZipTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("sdeploy-artifact-");

    [Fact]
    public async Task The_files_of_the_artifact_are_unpacked_into_the_folder()
    {
        using var zip = new MemoryStream(ArtifactZips.Of(("app/deploy.yaml", "kind: ConfigMap\n"), ("README", "hi")));

        await ArtifactZip.ExtractAsync(zip, _folder.FullName, CancellationToken.None);

        Assert.Equal("kind: ConfigMap\n", await File.ReadAllTextAsync(Path.Combine(_folder.FullName, "app", "deploy.yaml")));
    }

    [Fact]
    public async Task An_archive_that_unpacks_beyond_the_limit_is_refused_before_anything_is_written()
    {
        using var zip = new MemoryStream(ArtifactZips.Of(("a.txt", new string('a', 600)), ("b.txt", new string('b', 600))));

        var error = await Assert.ThrowsAsync<InvalidArtifactException>(() => ArtifactZip.ExtractAsync(zip, _folder.FullName, CancellationToken.None, maxUnpackedBytes: 1000));

        Assert.Contains("more than the 1000 allowed", error.Message, StringComparison.Ordinal);
        Assert.Empty(_folder.EnumerateFileSystemInfos());
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
