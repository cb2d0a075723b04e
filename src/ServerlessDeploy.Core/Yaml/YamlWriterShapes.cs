using YamlDotNet.Serialization;

namespace ServerlessDeploy.Core.Yaml;

/// <summary>
/// The collections <see cref="YamlWriter"/> hands the serializer: a mapping with string keys and a sequence, of plain
/// values (strings, booleans, numbers, null) and of each other. YamlDotNet's generator registers the collection types
/// of a serializable type's properties and generates nothing without such a type; this one is never constructed.
/// </summary>
[YamlSerializable]
internal sealed class YamlWriterShapes
{
    public Dictionary<string, object?> Mapping { get; } = [];

    public List<object?> Sequence { get; } = [];
}
