namespace ServerlessDeploy.Core.Sync.Options;

/// <summary>
/// Reads a resource's <c>argocd.argoproj.io/compare-options</c>: <c>IgnoreExtraneous</c>, comma-separated. Argo CD reads
/// <c>ServerSideDiff</c> and <c>IncludeMutationWebhook</c> only from the Application, so on a resource they are
/// reported, as is anything else.
/// </summary>
internal static class CompareOptionsAnnotation
{
    public const string Name = "argocd.argoproj.io/compare-options";

    public const string IgnoreExtraneous = "IgnoreExtraneous";

    public static ResourceSyncOptions Read(string? text, ResourceSyncOptions options, ICollection<string> problems) =>
        OptionText.Fold(text, options, (current, entry) => Apply(current, entry, problems));

    private static ResourceSyncOptions Apply(ResourceSyncOptions options, string entry, ICollection<string> problems)
    {
        var (name, value) = OptionText.Split(entry);
        switch (name)
        {
            case IgnoreExtraneous when value is null: return options with { IgnoreExtraneous = true };
            case "ServerSideDiff" or "IncludeMutationWebhook":
                problems.Add($"compare option \"{entry}\" in {Name} is read from the Application's own annotations, not from a resource's");
                return options;
            default:
                problems.Add($"unknown compare option \"{entry}\" in {Name} (known: {IgnoreExtraneous})");
                return options;
        }
    }
}
