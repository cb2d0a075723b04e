namespace ServerlessDeploy.ColdStart;

/// <summary>The highest GLIBC_x.y any ELF file in a publish folder needs, against the glibc of the Lambda OS
/// (Amazon Linux 2023 ships glibc 2.34): a binary that needs more fails to load there.</summary>
internal static class GlibcCheck
{
    public static bool Run(string label, string folder, Version limit, TextWriter output)
    {
        var rows = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(ElfVersionNeeds.IsElf)
            .Select(path => (File: Path.GetRelativePath(folder, path), Highest: Highest(path)))
            .OrderByDescending(row => row.Highest)
            .ThenBy(row => row.File, StringComparer.Ordinal)
            .ToList();
        var highest = rows.Count == 0 ? new Version(0, 0) : rows.Max(row => row.Highest)!;
        var ok = highest <= limit;
        output.WriteLine($"glibc ({label}): {rows.Count} ELF files; highest needed GLIBC_{highest} " +
            $"(limit {limit}, Amazon Linux 2023): {(ok ? "ok" : "TOO NEW")}");
        foreach (var row in rows.Where(row => row.Highest == highest || row.Highest > limit))
        {
            output.WriteLine($"  {row.File}: GLIBC_{row.Highest}");
        }
        return ok;
    }

    private static Version Highest(string path) =>
        ElfVersionNeeds.Read(path)
            .Where(need => need.Version.StartsWith("GLIBC_", StringComparison.Ordinal))
            .Select(need => Version.TryParse(need.Version["GLIBC_".Length..], out var version) ? version : null)
            .OfType<Version>()
            .DefaultIfEmpty(new Version(0, 0))
            .Max()!;
}
