namespace ServerlessDeploy.Core.Sync;

/// <summary>Reads the comma-separated annotation values Argo CD accepts ("PreSync,PostSync", "Prune=false, Replace=true").</summary>
internal static class AnnotationList
{
    public static IReadOnlyList<string> Split(string? text) =>
        text is null ? [] : text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
