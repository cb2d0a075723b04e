namespace ServerlessDeploy.Rendering.Renderers;

/// <summary>A private temporary folder for one render (values files, kustomize overlays), removed when disposed.</summary>
internal sealed class ScratchDirectory : IDisposable
{
    public ScratchDirectory() => Path = Directory.CreateTempSubdirectory("sdeploy-render-").FullName;

    public string Path { get; }

    public async Task<string> WriteAsync(string name, string text, CancellationToken cancellationToken)
    {
        var file = System.IO.Path.Combine(Path, name);
        await File.WriteAllTextAsync(file, text, cancellationToken);
        return file;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless; failing the render over it would not be.
        }
    }
}
