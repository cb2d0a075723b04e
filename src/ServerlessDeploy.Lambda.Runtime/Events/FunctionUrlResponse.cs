using System.Text.Json;
using System.Text.Json.Serialization;

namespace ServerlessDeploy.Lambda.Runtime.Events;

/// <summary>The answer a function URL returns to its caller (payload format 2.0).
/// Stands in for Amazon.Lambda.APIGatewayEvents' <c>APIGatewayHttpApiV2ProxyResponse</c>.</summary>
public sealed record FunctionUrlResponse(
    [property: JsonPropertyName("statusCode")] int StatusCode,
    [property: JsonPropertyName("headers")] IReadOnlyDictionary<string, string> Headers,
    [property: JsonPropertyName("body")] string Body)
{
    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, LambdaEventJsonContext.Default.FunctionUrlResponse);

    /// <summary>Reads a response written by <see cref="ToJson"/>.</summary>
    public static FunctionUrlResponse Parse(ReadOnlySpan<byte> json) =>
        LambdaEventJson.Parse(json, LambdaEventJsonContext.Default.FunctionUrlResponse, "a function URL response");
}
