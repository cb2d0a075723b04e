namespace ServerlessDeploy.LocalCluster.Patching;

/// <summary>
/// The keys of a strategic merge patch that direct the merge instead of naming a field
/// (k8s.io/apimachinery strategicpatch): none of them ever reaches a stored object.
/// </summary>
internal static class StrategicDirectives
{
    /// <summary>On a map: "replace" it whole or "delete" it; on a list item: "delete" the item, "replace" the list.</summary>
    public const string Patch = "$patch";

    public const string Replace = "replace";

    public const string Delete = "delete";

    public const string Merge = "merge";

    /// <summary>The only fields of this map that survive the patch.</summary>
    public const string RetainKeys = "$retainKeys";

    /// <summary>Prefix of "$deleteFromPrimitiveList/&lt;field&gt;": values to take out of a list of scalars.</summary>
    public const string DeleteFromPrimitiveList = "$deleteFromPrimitiveList";

    /// <summary>Prefix of "$setElementOrder/&lt;field&gt;": the order the merged list must have.</summary>
    public const string SetElementOrder = "$setElementOrder";

    public static bool IsDeletionList(string key) => key.StartsWith(DeleteFromPrimitiveList, StringComparison.Ordinal);

    public static bool IsElementOrder(string key) => key.StartsWith(SetElementOrder, StringComparison.Ordinal);

    /// <summary>The field a "prefix/field" directive is about, or null when the key does not have that form.</summary>
    public static string? FieldOf(string key, string prefix)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return slash == prefix.Length && key.StartsWith(prefix, StringComparison.Ordinal) ? key[(slash + 1)..] : null;
    }
}
