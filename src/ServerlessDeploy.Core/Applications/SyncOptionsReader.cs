namespace ServerlessDeploy.Core.Applications;

/// <summary>
/// Reads spec.syncPolicy.syncOptions ("Name=value" entries) into <see cref="ApplicationSyncOptions"/>. Every option is
/// either carried out as Argo CD documents it or refused with an error naming it: none is accepted and then ignored.
/// CreateRolloutCRD is this product's own. Flags take true or false (any case); anything else is an error.
/// </summary>
internal static class SyncOptionsReader
{
    public static ApplicationSyncOptions Read(SpecNode policy, IReadOnlyList<string> entries) =>
        Read(policy, entries, ApplicationSyncOptions.Default);

    /// <summary>The entries over <paramref name="options"/>: a manual sync's options over the Application's own.</summary>
    public static ApplicationSyncOptions Read(SpecNode policy, IReadOnlyList<string> entries, ApplicationSyncOptions options)
    {
        foreach (var entry in entries)
        {
            var (key, value) = entry.Split('=', 2) is [var k, var v] ? (k.Trim(), v.Trim()) : (entry.Trim(), "");
            options = Apply(policy, entry, key, value, options);
        }

        return options;
    }

    private static ApplicationSyncOptions Apply(SpecNode policy, string entry, string key, string value, ApplicationSyncOptions options)
    {
        if (Refusal(key, value) is { } why)
        {
            policy.Error("syncOptions", $"\"{entry}\" is not supported yet: {why}");
            return options;
        }

        if (key == "PrunePropagationPolicy")
        {
            return value is "foreground" or "background" or "orphan" ? options with { PrunePropagationPolicy = value } : Invalid(policy, entry, options);
        }

        if (!bool.TryParse(value, out var on))
        {
            return Invalid(policy, entry, options);
        }

        return key switch
        {
            "CreateNamespace" => options with { CreateNamespace = on },
            "CreateRolloutCRD" => options with { CreateRolloutCRD = on },
            "PruneLast" => options with { PruneLast = on },
            "ApplyOutOfSyncOnly" => options with { ApplyOutOfSyncOnly = on },
            "Replace" => options with { Replace = on },
            "ServerSideApply" => options,
            "ClientSideApplyMigration" => options,
            "Validate" => options with { Validate = on },
            "SkipDryRunOnMissingResource" => options with { SkipDryRunOnMissingResource = on },
            "FailOnSharedResource" => options with { FailOnSharedResource = on },
            "RespectIgnoreDifferences" => options with { RespectIgnoreDifferences = on },
            _ => Invalid(policy, entry, options),
        };
    }

    /// <summary>Argo CD options this product does not carry out, with what to do instead; null for the others.</summary>
    private static string? Refusal(string key, string value) => (key, value.ToLowerInvariant()) switch
    {
        ("ServerSideApply", "false") => "client-side apply; resources are always applied server-side (Replace=true writes them with create and update)",
        ("FailOnSharedResource", "false") => "sharing resources between applications; a resource another application tracks always fails the sync here",
        ("Prune", _) => "Prune at the application level; put Prune=false on the resources' argocd.argoproj.io/sync-options annotation",
        ("Delete", _) => "Delete at the application level; put Delete=false on the resources' argocd.argoproj.io/sync-options annotation",
        ("ClientSideApplyMigration", "false") => "turning off the client-side apply migration; fields of kubectl-client-side-apply and argocd-controller are always taken over before an apply",
        _ => null,
    };

    private static ApplicationSyncOptions Invalid(SpecNode policy, string entry, ApplicationSyncOptions options)
    {
        policy.Error("syncOptions", $"unknown or invalid sync option \"{entry}\"");
        return options;
    }
}
