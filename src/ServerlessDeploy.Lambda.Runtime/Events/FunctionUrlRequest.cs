using System.Text.Json.Serialization;

namespace ServerlessDeploy.Lambda.Runtime.Events;

/// <summary>A Lambda function URL request, payload format 2.0 (the fields the functions use; others are ignored).
/// Function URLs send header names in lower case. Stands in for Amazon.Lambda.APIGatewayEvents' <c>APIGatewayHttpApiV2ProxyRequest</c>.</summary>
public sealed record FunctionUrlRequest(
    [property: JsonPropertyName("rawPath")] string RawPath,
    [property: JsonPropertyName("headers")] IReadOnlyDictionary<string, string> Headers,
    [property: JsonPropertyName("requestContext")] FunctionUrlRequestContext RequestContext,
    [property: JsonPropertyName("body")] string? Body = null,
    [property: JsonPropertyName("isBase64Encoded")] bool IsBase64Encoded = false)
{
    /// <summary>Reads a function URL request; anything else throws <see cref="LambdaEventFormatException"/> naming what is missing.</summary>
    public static FunctionUrlRequest Parse(ReadOnlySpan<byte> json) =>
        LambdaEventJson.Parse(json, LambdaEventJsonContext.Default.FunctionUrlRequest, "a function URL request");
}
