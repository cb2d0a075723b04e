using System.Text.Json.Serialization;

namespace ServerlessDeploy.Lambda.Runtime.Events;

/// <summary>The <c>requestContext.http</c> of a function URL request.</summary>
public sealed record FunctionUrlHttp(
    [property: JsonPropertyName("method")] string Method,
    [property: JsonPropertyName("path")] string? Path = null,
    [property: JsonPropertyName("sourceIp")] string? SourceIp = null);
