using System.Text.Json;
using System.Text.Json.Serialization;

namespace ServerlessDeploy.Pipeline.Deploying;

/// <summary>
/// Source-generated JSON for <see cref="DeployRequest"/>, so the AOT-published functions read and write the deploy queue
/// without reflection. The options are those the reflection serializer had: web defaults (camelCase, names matched
/// case-insensitively, numbers also read from strings), enums as their names, nulls left out, a discriminator allowed
/// anywhere in an object.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowOutOfOrderMetadataProperties = true)]
[JsonSerializable(typeof(DeployRequest))]
internal sealed partial class DeployRequestJsonContext : JsonSerializerContext;
