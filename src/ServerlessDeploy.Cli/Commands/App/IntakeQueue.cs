using Amazon.Runtime;
using Amazon.SQS;
using ServerlessDeploy.Aws.Sqs;
using ServerlessDeploy.Pipeline.Queues;

namespace ServerlessDeploy.Cli.Commands.App;

/// <summary>
/// A deployed pipeline's intake queue, reached with the AWS SDK's default credential chain and region
/// (AWS_REGION, AWS_PROFILE, AWS_ENDPOINT_URL_SQS and the rest are the SDK's to read).
/// </summary>
internal sealed class IntakeQueue(string url)
{
    public const string QueueUrlVariable = "SDEPLOY_INTAKE_QUEUE_URL";

    public string Url { get; } = url;

    /// <summary>The queue named by --queue-url, else by the environment; neither is invalid input.</summary>
    public static IntakeQueue Resolve(string? option, Func<string, string?> environment) =>
        new(option is { Length: > 0 } ? option
            : environment(QueueUrlVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment
            : throw CliFailure.Input($"no intake queue: give --queue-url URL or set {QueueUrlVariable}"));

    /// <summary>Sends one request body and returns SQS's message id; AWS's refusals become exit 1 with its code and message.</summary>
    public async Task<string> SendAsync(string body, CancellationToken cancellationToken)
    {
        if (FallbackRegionFactory.GetRegionEndpoint() is null)
        {
            throw CliFailure.Input("no AWS region: set AWS_REGION, or a region in the AWS profile");
        }

        try
        {
            using var sqs = new AmazonSQSClient();
            return await new SqsQueue(sqs, Url).SendForIdAsync(new QueueMessage(body), cancellationToken);
        }
        catch (AmazonServiceException e)
        {
            throw CliFailure.Operation($"SQS refused the request to {Url}: {e.ErrorCode}: {e.Message}");
        }
        catch (Exception e) when (e is AmazonClientException or HttpRequestException)
        {
            throw CliFailure.Operation($"could not send to {Url}: {e.Message}");
        }
    }
}
