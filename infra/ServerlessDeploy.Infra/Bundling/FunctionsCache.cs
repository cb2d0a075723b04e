namespace ServerlessDeploy.Infra.Bundling;

/// <summary>
/// Published functions kept by the hash of their inputs (<see cref="FunctionsInputs"/>) in
/// <c>artifacts/functions-cache/&lt;hash&gt;</c>, so synthesis with a fresh cdk.out does not publish again. A publish
/// goes to a folder of its own and is moved into place whole, so a folder under its hash is always complete; the two
/// newest are kept, and a publish's folder left behind by a killed run is removed after an hour.
/// </summary>
public sealed class FunctionsCache(string root, IProcessRunner processes, TextWriter log, TimeProvider time)
{
    public const string RelativePath = "artifacts/functions-cache";
    private const int Kept = 2;
    private const string Staging = ".publishing-";
    private static readonly TimeSpan StagingLifetime = TimeSpan.FromHours(1);
    private readonly string _folder = Path.Combine(root, RelativePath);

    public string Folder(string hash) => Path.Combine(_folder, hash);

    public bool Has(string hash) => File.Exists(Path.Combine(Folder(hash), "bootstrap"));

    /// <summary>The published folder for <paramref name="hash"/>, published now unless it is cached.</summary>
    public string Get(string hash)
    {
        var folder = Folder(hash);
        if (Has(hash))
        {
            log.WriteLine($"ServerlessDeploy.Infra: the functions are cached in {RelativePath}/{hash}; not publishing.");
            Directory.SetLastWriteTimeUtc(folder, time.GetUtcNow().UtcDateTime);
            return folder;
        }
        var staging = Path.Combine(_folder, $"{hash}{Staging}{Guid.NewGuid():N}");
        try
        {
            new FunctionsPublisher(root, processes, log, time).Publish(staging);
            Directory.Move(staging, folder);
        }
        catch (IOException) when (Has(hash))
        {
            // Another synthesis published the same inputs meanwhile: theirs is as good.
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
        Prune(hash);
        return folder;
    }

    private void Prune(string current)
    {
        var folders = new DirectoryInfo(_folder).EnumerateDirectories().ToList();
        var published = folders.Where(d => !d.Name.Contains(Staging, StringComparison.Ordinal));
        var abandoned = folders.Where(d => d.Name.Contains(Staging, StringComparison.Ordinal)
                                           && d.LastWriteTimeUtc < time.GetUtcNow().UtcDateTime - StagingLifetime);
        foreach (var stale in published.Where(d => d.Name != current).OrderByDescending(d => d.LastWriteTimeUtc).Skip(Kept - 1).Concat(abandoned))
        {
            stale.Delete(recursive: true);
        }
    }
}
