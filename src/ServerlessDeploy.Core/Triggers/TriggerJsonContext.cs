using System.Text.Json;
using System.Text.Json.Serialization;

namespace ServerlessDeploy.Core.Triggers;

/// <summary>Source-generated JSON for <see cref="Trigger"/>, so the trimmed, AOT-published functions can write and read triggers
/// without reflection. Same options as before: web defaults (camelCase), discriminator allowed anywhere in the object.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, AllowOutOfOrderMetadataProperties = true)]
[JsonSerializable(typeof(Trigger))]
internal sealed partial class TriggerJsonContext : JsonSerializerContext;
