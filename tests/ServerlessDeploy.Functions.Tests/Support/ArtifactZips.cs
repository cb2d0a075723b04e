using System.IO.Compression;
using System.Text;

namespace ServerlessDeploy.Functions.Tests.Support;

/// <summary>Pipeline artifact zips built in memory: entry name → content.</summary>
internal static class ArtifactZips
{
    public static byte[] Of(params (string Name, string Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var writer = new StreamWriter(archive.CreateEntry(name).Open(), Encoding.UTF8);
                writer.Write(content);
            }
        }

        return buffer.ToArray();
    }
}
