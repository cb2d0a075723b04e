namespace ServerlessDeploy.Core.Sync.Options;

/// <summary>Splits one option entry ("Prune=false") into its name and value.</summary>
internal static class OptionText
{
    public static (string Name, string? Value) Split(string entry)
    {
        var equals = entry.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? (entry, null) : (entry[..equals].Trim(), entry[(equals + 1)..].Trim());
    }

    public static bool? Flag(string? value) => bool.TryParse(value, out var flag) ? flag : null;

    /// <summary>Applies each comma-separated entry of an options annotation in turn.</summary>
    public static ResourceSyncOptions Fold(string? text, ResourceSyncOptions options, Func<ResourceSyncOptions, string, ResourceSyncOptions> apply) =>
        AnnotationList.Split(text).Aggregate(options, apply);
}
