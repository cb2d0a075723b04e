namespace ServerlessDeploy.Core.Sync.Options;

/// <summary>
/// Reads <c>argocd.argoproj.io/compare-options</c>: <c>IgnoreExtraneous</c>, <c>ServerSideDiff=true|false</c>,
/// <c>IncludeMutationWebhook=true|false</c>, comma-separated. Anything else is reported.
/// </summary>
internal static class CompareOptionsAnnotation
{
    public const string Name = "argocd.argoproj.io/compare-options";

    private const string Known = "IgnoreExtraneous, ServerSideDiff=true|false, IncludeMutationWebhook=true|false";

    public static ResourceSyncOptions Read(string? text, ResourceSyncOptions options, ICollection<string> problems) =>
        OptionText.Fold(text, options, (current, entry) => Apply(current, entry, problems));

    private static ResourceSyncOptions Apply(ResourceSyncOptions options, string entry, ICollection<string> problems)
    {
        var (name, value) = OptionText.Split(entry);
        var flag = OptionText.Flag(value);
        switch (name)
        {
            case "IgnoreExtraneous" when value is null: return options with { IgnoreExtraneous = true };
            case "ServerSideDiff" when flag is not null: return options with { ServerSideDiff = flag };
            case "IncludeMutationWebhook" when flag is not null: return options with { IncludeMutationWebhook = flag.Value };
            default:
                problems.Add($"unknown compare option \"{entry}\" in {Name} (known: {Known})");
                return options;
        }
    }
}
