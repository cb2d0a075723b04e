using System.Text.Json.Serialization;

namespace ServerlessDeploy.Lambda.Runtime.Events;

/// <summary>The <c>requestContext</c> of a function URL request.</summary>
public sealed record FunctionUrlRequestContext(
    [property: JsonPropertyName("http")] FunctionUrlHttp Http,
    [property: JsonPropertyName("requestId")] string? RequestId = null);
