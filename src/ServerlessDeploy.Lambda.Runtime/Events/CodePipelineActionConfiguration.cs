using System.Text.Json.Serialization;

namespace ServerlessDeploy.Lambda.Runtime.Events;

/// <summary>The action's configuration as the pipeline declares it.</summary>
public sealed record CodePipelineActionConfiguration(
    [property: JsonPropertyName("configuration")] CodePipelineActionSettings Configuration);
