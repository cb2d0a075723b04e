namespace ServerlessDeploy.Functions.CodePipeline;

/// <summary>A fresh folder under the temp folder (/tmp in Lambda) for one invocation's artifact, deleted with it.</summary>
internal sealed class ArtifactFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("sdeploy-artifact-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // /tmp is the invocation environment's own; a leftover folder does not outlive it.
        }
    }
}
