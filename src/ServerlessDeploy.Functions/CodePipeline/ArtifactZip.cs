using System.IO.Compression;

namespace ServerlessDeploy.Functions.CodePipeline;

/// <summary>
/// Unpacks an artifact zip into a folder. An entry whose path would land outside the folder ("zip slip": "../x",
/// an absolute path), or an archive that would unpack to more than <see cref="MaxUnpackedBytes"/> (a zip bomb
/// filling Lambda's /tmp), fails the whole artifact, naming the problem, before anything is written.
/// </summary>
internal static class ArtifactZip
{
    /// <summary>Half of Lambda's default 512 MB /tmp, which also holds the Git cache.</summary>
    public const long MaxUnpackedBytes = 256L * 1024 * 1024;

    public static async Task ExtractAsync(Stream zip, string folder, CancellationToken cancellationToken, long maxUnpackedBytes = MaxUnpackedBytes)
    {
        var root = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        ZipArchive archive;
        try
        {
            archive = await ZipArchive.CreateAsync(zip, ZipArchiveMode.Read, leaveOpen: true, entryNameEncoding: null, cancellationToken);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidArtifactException($"the input artifact is not a zip file: {e.Message}", e);
        }

        await using (archive)
        {
            var targets = archive.Entries.Select(entry => (Entry: entry, Path: Target(root, entry))).ToList();
            var unpacked = archive.Entries.Sum(e => e.Length);
            if (unpacked > maxUnpackedBytes)
            {
                throw new InvalidArtifactException($"the input artifact would unpack to {unpacked} bytes, more than the {maxUnpackedBytes} allowed; nothing was deployed");
            }

            foreach (var (entry, path) in targets)
            {
                if (path.EndsWith(Path.DirectorySeparatorChar))
                {
                    Directory.CreateDirectory(path);
                    continue;
                }

                Directory.CreateDirectory(Path.GetDirectoryName(path) ?? root);
                await entry.ExtractToFileAsync(path, overwrite: false, cancellationToken);
            }
        }
    }

    private static string Target(string root, ZipArchiveEntry entry)
    {
        var path = Path.GetFullPath(Path.Combine(root, entry.FullName.Replace('\\', '/')));
        return path.StartsWith(root, StringComparison.Ordinal) && path.Length > root.Length
            ? path
            : throw new InvalidArtifactException($"the input artifact's entry '{entry.FullName}' would be written outside its folder; nothing was deployed");
    }
}
