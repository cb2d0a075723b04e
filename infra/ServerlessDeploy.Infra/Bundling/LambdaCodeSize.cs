using System.Globalization;
using System.IO.Compression;

namespace ServerlessDeploy.Infra.Bundling;

/// <summary>Lambda's limit on a function's code plus all its layers, unzipped, and the check against it.</summary>
public static class LambdaCodeSize
{
    public const long UnzippedLimitBytes = 250L * 1024 * 1024;

    public static long FolderBytes(string folder) =>
        new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);

    public static long UnzippedBytes(string zip)
    {
        using var archive = ZipFile.OpenRead(zip);
        return archive.Entries.Sum(e => e.Length);
    }

    /// <summary>Null within the limit; else the numbers, for a message that says whose code it is.</summary>
    public static string? OverLimit(long codeBytes, long layerBytes) =>
        codeBytes + layerBytes <= UnzippedLimitBytes
            ? null
            : string.Create(CultureInfo.InvariantCulture,
                $"the deployer's code unzipped is {codeBytes} bytes + {layerBytes} bytes of layer = {codeBytes + layerBytes} bytes, over Lambda's limit of {UnzippedLimitBytes} bytes (250 MB)");
}
