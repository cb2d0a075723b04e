namespace ServerlessDeploy.Core.Sync.Options;

/// <summary>
/// Reads <c>argocd.argoproj.io/sync-options</c>: comma-separated <c>Name=true|false</c>. Names are matched exactly,
/// values ignoring case. <c>CreateNamespace</c> means nothing on a resource and is ignored; anything else unknown,
/// or a value that is not true or false (Argo CD's <c>Prune=confirm</c> included), is reported.
/// </summary>
internal static class SyncOptionsAnnotation
{
    public const string Name = "argocd.argoproj.io/sync-options";

    private const string Known = "Prune, Delete, PruneLast, Replace, ServerSideApply, Force, SkipDryRunOnMissingResource, Validate, CreateNamespace";

    public static ResourceSyncOptions Read(string? text, ResourceSyncOptions options, ICollection<string> problems) =>
        OptionText.Fold(text, options, (current, entry) => Apply(current, entry, problems));

    private static ResourceSyncOptions Apply(ResourceSyncOptions options, string entry, ICollection<string> problems)
    {
        var (name, value) = OptionText.Split(entry);
        if (OptionText.Flag(value) is not { } flag)
        {
            problems.Add($"sync option \"{entry}\" in {Name} must be Name=true or Name=false");
            return options;
        }

        switch (name)
        {
            case "Prune": return options with { Prune = flag };
            case "Delete": return options with { Delete = flag };
            case "PruneLast": return options with { PruneLast = flag };
            case "Replace": return options with { Replace = flag };
            case "ServerSideApply": return options with { ServerSideApply = flag };
            case "Force": return options with { Force = flag };
            case "SkipDryRunOnMissingResource": return options with { SkipDryRunOnMissingResource = flag };
            case "Validate": return options with { Validate = flag };
            case "CreateNamespace": return options;
            default:
                problems.Add($"unknown sync option \"{entry}\" in {Name} (known: {Known})");
                return options;
        }
    }
}
