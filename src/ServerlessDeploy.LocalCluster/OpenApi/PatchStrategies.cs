namespace ServerlessDeploy.LocalCluster.OpenApi;

/// <summary>The strategic-merge-patch directives of a field, as the Go types declare them with <c>patchStrategy</c> (x-kubernetes-patch-strategy).</summary>
[Flags]
internal enum PatchStrategies
{
    /// <summary>No directive: a strategic merge patch replaces the list.</summary>
    None = 0,

    /// <summary>Items are merged: by the patch merge key for objects, by value for scalars.</summary>
    Merge = 1,

    /// <summary>Keys absent from the patch are cleared (used where only one of several fields may be set, such as volume sources).</summary>
    RetainKeys = 2,

    /// <summary>The value is replaced even where merging would be the default.</summary>
    Replace = 4,
}
