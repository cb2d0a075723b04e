using System.Text.Json.Serialization;

namespace ServerlessDeploy.Lambda.Runtime.Events;

/// <summary>A Lambda invoke action's settings: the function, and the optional free-form UserParameters string.</summary>
public sealed record CodePipelineActionSettings(
    [property: JsonPropertyName("FunctionName")] string FunctionName,
    [property: JsonPropertyName("UserParameters")] string? UserParameters = null);
