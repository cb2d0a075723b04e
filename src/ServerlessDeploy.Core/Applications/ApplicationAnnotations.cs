namespace ServerlessDeploy.Core.Applications;

/// <summary>
/// The Argo CD annotations that change how an Application is compared or reconciled. Argo CD reads
/// <c>ServerSideDiff</c> and <c>IncludeMutationWebhook</c> from the Application's own
/// <c>argocd.argoproj.io/compare-options</c>. Here every difference is confirmed with a server-side dry-run apply, and
/// a mutating webhook's changes are never drift, so <c>ServerSideDiff=true</c> and <c>IncludeMutationWebhook=false</c>
/// say what happens anyway; the opposite values, and annotations this product does not carry out, are errors.
/// </summary>
internal static class ApplicationAnnotations
{
    public const string CompareOptions = "argocd.argoproj.io/compare-options";
    public const string SkipReconcile = "argocd.argoproj.io/skip-reconcile";
    public const string MigrationManager = "argocd.argoproj.io/client-side-apply-migration-manager";

    public static void Check(SpecNode metadata, IReadOnlyDictionary<string, string> annotations)
    {
        if (annotations.TryGetValue(CompareOptions, out var compare))
        {
            foreach (var entry in compare.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (CompareProblem(entry) is { } problem)
                {
                    metadata.Error("annotations", $"{CompareOptions} \"{entry}\": {problem}");
                }
            }
        }

        if (annotations.ContainsKey(SkipReconcile))
        {
            metadata.Error("annotations", $"{SkipReconcile} is not supported yet: turn automated sync off, or remove the Application, to leave it alone");
        }

        if (annotations.ContainsKey(MigrationManager))
        {
            metadata.Error("annotations", $"{MigrationManager} is not supported yet: choosing the client-side apply migration manager");
        }
    }

    private static string? CompareProblem(string entry)
    {
        var equals = entry.IndexOf('=', StringComparison.Ordinal);
        var (name, value) = equals < 0 ? (entry, "") : (entry[..equals].Trim(), entry[(equals + 1)..].Trim());
        var flag = bool.TryParse(value, out var on) ? on : (bool?)null;
        return (name, flag) switch
        {
            ("ServerSideDiff", true) or ("IncludeMutationWebhook", false) => null,
            ("ServerSideDiff", false) => "not supported: every difference is confirmed with a server-side dry-run apply before it is reported",
            ("IncludeMutationWebhook", true) => "not supported: changes a mutating webhook makes are never drift here",
            ("IgnoreExtraneous", _) => "IgnoreExtraneous belongs on a resource's annotation, not on the Application",
            _ => "unknown compare option for an Application (known: ServerSideDiff=true, IncludeMutationWebhook=false)",
        };
    }
}
