using System.IO.Compression;

namespace ServerlessDeploy.Infra.Tests;

/// <summary>
/// A temporary stand-in for the published functions folder (a dummy <c>bootstrap</c>) and the kubectl layer zip,
/// so synthesis never needs a real publish; sizes are chosen per test to exercise the 250 MB check.
/// </summary>
public sealed class TestCode : IDisposable
{
    public TestCode(long bootstrapBytes = 16, long layerEntryBytes = 16)
    {
        Directory.CreateDirectory(FunctionsFolder);
        using (var bootstrap = File.Create(Path.Combine(FunctionsFolder, "bootstrap")))
        {
            bootstrap.SetLength(bootstrapBytes);
        }
        using var zip = ZipFile.Open(LayerZip, ZipArchiveMode.Create);
        using var entry = zip.CreateEntry("kubectl/kubectl", CompressionLevel.SmallestSize).Open();
        var zeros = new byte[1 << 20];
        for (var left = layerEntryBytes; left > 0; left -= zeros.Length)
        {
            entry.Write(zeros, 0, (int)Math.Min(left, zeros.Length));
        }
    }

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "sdeploy-infra-" + Guid.NewGuid().ToString("N"));
    public string FunctionsFolder => Path.Combine(Root, "functions");
    public string LayerZip => Path.Combine(Root, "layer.zip");

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
