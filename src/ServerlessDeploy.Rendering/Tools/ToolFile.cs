namespace ServerlessDeploy.Rendering.Tools;

/// <summary>A tool's binary as the file system has it: the file its path leads to (through symbolic links), its size and when it was last written.</summary>
public sealed record ToolFile(string ResolvedPath, long Size, DateTime LastWriteUtc)
{
    /// <summary>The facts of the file at <paramref name="path"/>; null when there is none or it cannot be read.</summary>
    public static ToolFile? Stat(string path)
    {
        try
        {
            var resolved = File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName ?? Path.GetFullPath(path);
            var file = new FileInfo(resolved);
            return file.Exists ? new ToolFile(resolved, file.Length, file.LastWriteTimeUtc) : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
