using System.Text.Json.Serialization;
using ServerlessDeploy.State;

namespace ServerlessDeploy.Local.State;

/// <summary>The JSON the SQLite store keeps its records in, source-generated like the DynamoDB store's.</summary>
[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
[JsonSerializable(typeof(AppState))]
[JsonSerializable(typeof(HistoryEntry))]
[JsonSerializable(typeof(DeliveryFailure))]
[JsonSerializable(typeof(CatalogImage))]
internal sealed partial class LocalStateJson : JsonSerializerContext;
