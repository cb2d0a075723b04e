namespace ServerlessDeploy.Core.Sync.Options;

/// <summary>
/// Reads <c>argocd.argoproj.io/sync-options</c>: comma-separated <c>Name=true|false</c>. Names are matched exactly,
/// values ignoring case. Every option is carried out as Argo CD documents it or reported: an unknown name, a value that
/// is not true or false (Argo CD's <c>Prune=confirm</c> included), client-side apply (<c>ServerSideApply=false</c>) and
/// <c>CreateNamespace</c>, which Argo CD reads only from the Application.
/// </summary>
internal static class SyncOptionsAnnotation
{
    public const string Name = "argocd.argoproj.io/sync-options";

    private const string Known = "Prune, Delete, PruneLast, Replace, ServerSideApply, Force, SkipDryRunOnMissingResource, Validate";

    public static ResourceSyncOptions Read(string? text, ResourceSyncOptions options, ICollection<string> problems) =>
        OptionText.Fold(text, options, (current, entry) => Apply(current, entry, problems));

    private static ResourceSyncOptions Apply(ResourceSyncOptions options, string entry, ICollection<string> problems)
    {
        var (name, value) = OptionText.Split(entry);
        if (name == "CreateNamespace")
        {
            problems.Add($"sync option \"{entry}\" in {Name} does nothing on a resource: CreateNamespace=true belongs in the Application's spec.syncPolicy.syncOptions");
            return options;
        }

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
            // Every resource is applied server-side: true says what happens anyway.
            case "ServerSideApply" when flag: return options;
            case "ServerSideApply":
                problems.Add($"sync option \"{entry}\" in {Name} is not supported yet: client-side apply; resources are always applied server-side (Replace=true writes with create and update)");
                return options;
            case "Force": return options with { Force = flag };
            case "SkipDryRunOnMissingResource": return options with { SkipDryRunOnMissingResource = flag };
            case "Validate": return options with { Validate = flag };
            default:
                problems.Add($"unknown sync option \"{entry}\" in {Name} (known: {Known})");
                return options;
        }
    }
}
