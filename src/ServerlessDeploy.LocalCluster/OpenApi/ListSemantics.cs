namespace ServerlessDeploy.LocalCluster.OpenApi;

/// <summary>
/// How one list field merges: its server-side-apply list type and keys, and its strategic-merge-patch strategy and key.
/// The two are declared separately in the Go types and do not always agree (Job conditions merge by type in a patch but are atomic for apply).
/// </summary>
internal sealed record ListSemantics(ListType Type, IReadOnlyList<string> MapKeys, string? PatchMergeKey, PatchStrategies PatchStrategy)
{
    /// <summary>A list replaced as a whole by both apply and patch; what every undeclared list means.</summary>
    public static ListSemantics Atomic { get; } = new(ListType.Atomic, [], null, PatchStrategies.None);

    /// <summary>Scalars merged as a set by apply; replaced by a strategic merge patch.</summary>
    public static ListSemantics Set { get; } = new(ListType.Set, [], null, PatchStrategies.None);

    /// <summary>Scalars merged as a set by both apply and patch (metadata.finalizers).</summary>
    public static ListSemantics MergedSet { get; } = new(ListType.Set, [], null, PatchStrategies.Merge);

    /// <summary>The x-kubernetes-patch-strategy value ("merge", "merge,retainKeys"), or null when the field declares none.</summary>
    public string? PatchStrategyText => PatchStrategy == PatchStrategies.None
        ? null
        : string.Join(',', Names().Where(pair => PatchStrategy.HasFlag(pair.Flag)).Select(pair => pair.Name));

    /// <summary>A list map for apply whose first key is also the patch merge key.</summary>
    public static ListSemantics MergedMapBy(string mergeKey, params string[] moreKeys) =>
        new(ListType.Map, [mergeKey, .. moreKeys], mergeKey, PatchStrategies.Merge);

    /// <summary>As <see cref="MergedMapBy"/>, and a patch also clears the item's fields it does not name.</summary>
    public static ListSemantics MergedMapRetainingKeysBy(string mergeKey) =>
        new(ListType.Map, [mergeKey], mergeKey, PatchStrategies.Merge | PatchStrategies.RetainKeys);

    /// <summary>A list map for apply that a strategic merge patch still replaces whole.</summary>
    public static ListSemantics MapBy(string key, params string[] moreKeys) =>
        new(ListType.Map, [key, .. moreKeys], null, PatchStrategies.None);

    /// <summary>Atomic for apply, yet merged by a key in a strategic merge patch.</summary>
    public static ListSemantics AtomicMergedBy(string mergeKey) =>
        new(ListType.Atomic, [], mergeKey, PatchStrategies.Merge);

    private static (PatchStrategies Flag, string Name)[] Names() =>
        [(PatchStrategies.Merge, "merge"), (PatchStrategies.RetainKeys, "retainKeys"), (PatchStrategies.Replace, "replace")];
}
