using System.Text.Json;
using System.Text.Json.Serialization;

namespace ServerlessDeploy.State;

/// <summary>
/// Keeps a <see cref="ResourceResultCode"/> as its wire text (<c>hook created</c>, <c>pruned (dry run)</c>) in the stores'
/// JSON, so records written before it was an enum still read; a text no version wrote reads as Unknown.
/// </summary>
public sealed class ResourceResultCodeJson : JsonConverter<ResourceResultCode>
{
    public override ResourceResultCode Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? ResourceResultCodeText.Parse(reader.GetString())
            : throw new JsonException($"a resource action is a string, not {reader.TokenType}");

    public override void Write(Utf8JsonWriter writer, ResourceResultCode value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Text());
}
