namespace ServerlessDeploy.Rendering.Tests;

/// <summary>A throwaway repository folder with files written by the test.</summary>
internal sealed class TempRepository : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("sdeploy-render-test-").FullName;

    public TempRepository Write(string relative, string text)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return this;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
