using ServerlessDeploy.LocalCluster.OpenApi;

namespace ServerlessDeploy.LocalCluster.Patching;

/// <summary>
/// Walks a strategic merge patch alongside the KubernetesClient model of the object, as kube-apiserver walks the Go
/// struct: each field's wire shape, and for a list its patch strategy and merge key from <see cref="ListMapKeys"/>.
/// Where the model says nothing (free-form values, unknown fields) maps still merge and lists are replaced.
/// </summary>
internal static class StrategicSchema
{
    /// <summary>The shape of <paramref name="field"/> inside a value of shape <paramref name="parent"/>, and how it merges if it is a list.</summary>
    public static (FieldShape? Shape, ListSemantics List) Field(FieldShape? parent, string field)
    {
        switch (parent?.Kind)
        {
            case FieldKind.Object when parent.Model is not null
                && ModelShapes.Of(parent.Model).ByName.TryGetValue(field, out var property):
                return (property.Shape, property.List ?? ListSemantics.Atomic);
            case FieldKind.Map:
                return (parent.Element, ListSemantics.Atomic);
            default:
                return (null, ListSemantics.Atomic);
        }
    }

    /// <summary>True when the list's items merge (by key for objects, by value for scalars) instead of being replaced.</summary>
    public static bool Merges(ListSemantics list) => list.PatchStrategy.HasFlag(PatchStrategies.Merge);
}
