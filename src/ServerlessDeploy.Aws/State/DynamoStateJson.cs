using System.Text.Json.Serialization;
using ServerlessDeploy.State;

namespace ServerlessDeploy.Aws.State;

/// <summary>The JSON the DynamoDB store keeps its records in, source-generated so a trimmed or AOT Lambda host can use it.</summary>
[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
[JsonSerializable(typeof(AppState))]
[JsonSerializable(typeof(HistoryEntry))]
[JsonSerializable(typeof(DeliveryFailure))]
[JsonSerializable(typeof(CatalogImage))]
internal sealed partial class DynamoStateJson : JsonSerializerContext;
