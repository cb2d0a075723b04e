using System.Collections.Frozen;

namespace ServerlessDeploy.LocalCluster.OpenApi;

/// <summary>The JSON fields of one KubernetesClient model type, in declaration order and by name.</summary>
internal sealed class ModelShape
{
    public ModelShape(Type model, IReadOnlyList<ModelProperty> properties)
    {
        Model = model;
        Properties = properties;
        ByName = properties.ToFrozenDictionary(property => property.JsonName, StringComparer.Ordinal);
    }

    public Type Model { get; }

    public IReadOnlyList<ModelProperty> Properties { get; }

    /// <summary>Fields by their exact JSON name: kube-apiserver matches field names case-sensitively.</summary>
    public FrozenDictionary<string, ModelProperty> ByName { get; }
}
