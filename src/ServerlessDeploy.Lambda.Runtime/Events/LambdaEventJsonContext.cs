using System.Text.Json.Serialization;

namespace ServerlessDeploy.Lambda.Runtime.Events;

/// <summary>Source-generated JSON for the event types, so the functions need no reflection (they are trimmed and AOT-published).
/// Required constructor parameters and non-nullable properties are enforced, so a wrong event fails on reading, not later.</summary>
[JsonSourceGenerationOptions(RespectNullableAnnotations = true, RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(SqsEvent))]
[JsonSerializable(typeof(SqsBatchResponse))]
[JsonSerializable(typeof(FunctionUrlRequest))]
[JsonSerializable(typeof(FunctionUrlResponse))]
[JsonSerializable(typeof(CodePipelineJobEvent))]
internal sealed partial class LambdaEventJsonContext : JsonSerializerContext;
