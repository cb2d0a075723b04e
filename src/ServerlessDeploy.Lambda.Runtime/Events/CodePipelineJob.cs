using System.Text.Json.Serialization;

namespace ServerlessDeploy.Lambda.Runtime.Events;

/// <summary>One CodePipeline job: its id (what the job result names) and what the action is given.</summary>
public sealed record CodePipelineJob(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("accountId")] string AccountId,
    [property: JsonPropertyName("data")] CodePipelineJobData Data);
