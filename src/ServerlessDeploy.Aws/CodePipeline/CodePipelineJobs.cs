using System.Text.Json.Nodes;
using ServerlessDeploy.Aws.Json;

namespace ServerlessDeploy.Aws.CodePipeline;

/// <summary>
/// CodePipeline's job results over <see cref="AwsJsonClient"/> (stands in for AWSSDK.CodePipeline): a Lambda invoke
/// action ends its job with PutJobSuccessResult, optionally with a continuation token that makes CodePipeline invoke it
/// again, or with PutJobFailureResult.
/// </summary>
public sealed class CodePipelineJobs
{
    /// <summary>CodePipeline refuses a failure message longer than this.</summary>
    public const int MaxFailureMessageLength = 5000;

    private const string Prefix = "CodePipeline_20150709.";

    private readonly AwsJsonClient _client;

    public CodePipelineJobs(AwsJsonClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
    }

    /// <param name="continuationToken">Set while the action is not finished: CodePipeline invokes it again with this token.</param>
    /// <param name="outputVariables">Variables later actions can read as #{namespace.name}.</param>
    public async Task PutJobSuccessResultAsync(
        string jobId, string? continuationToken, IReadOnlyDictionary<string, string>? outputVariables, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        var request = new JsonObject { ["jobId"] = jobId };
        if (continuationToken is not null)
        {
            request["continuationToken"] = continuationToken;
        }

        if (outputVariables is { Count: > 0 })
        {
            request["outputVariables"] = new JsonObject(outputVariables.Select(v => KeyValuePair.Create(v.Key, (JsonNode?)v.Value)));
        }

        await _client.CallAsync(Prefix + "PutJobSuccessResult", request, cancellationToken);
    }

    /// <summary>Fails the job (type JobFailed); a message longer than CodePipeline accepts is cut, marked with an ellipsis.</summary>
    public async Task PutJobFailureResultAsync(string jobId, string message, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        ArgumentNullException.ThrowIfNull(message);
        var request = new JsonObject
        {
            ["jobId"] = jobId,
            ["failureDetails"] = new JsonObject { ["type"] = "JobFailed", ["message"] = Fit(message) },
        };
        await _client.CallAsync(Prefix + "PutJobFailureResult", request, cancellationToken);
    }

    internal static string Fit(string message) =>
        message.Length <= MaxFailureMessageLength ? message : string.Concat(message.AsSpan(0, MaxFailureMessageLength - 1), "…");
}
