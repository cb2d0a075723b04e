using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Polly;
using Polly.Retry;

namespace ServerlessDeploy.Aws.Json;

/// <summary>
/// A SigV4-signed client for AWS JSON-protocol services (POST /, X-Amz-Target, application/x-amz-json-1.1) and
/// REST-JSON services (method, path and query name the operation; application/json). It stands in for the generated
/// clients of AWSSDK.EventBridge, AWSSDK.ECR, AWSSDK.CodePipeline and AWSSDK.Scheduler, which are not served here.
/// Error answers become <see cref="AwsServiceException"/>; throttling, 5xx and network errors are retried with
/// exponential backoff a bounded number of times.
/// </summary>
public sealed class AwsJsonClient
{
    public const string ContentType = "application/x-amz-json-1.1";

    /// <summary>What REST-JSON services (EventBridge Scheduler) are sent.</summary>
    public const string RestJsonContentType = "application/json";

    private static readonly MediaTypeHeaderValue JsonMediaType = MediaTypeHeaderValue.Parse(ContentType);
    private static readonly MediaTypeHeaderValue RestJsonMediaType = MediaTypeHeaderValue.Parse(RestJsonContentType);

    private readonly AwsJsonClientOptions _options;
    private readonly Uri _endpoint;
    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly Lazy<Task<AWSCredentials>> _credentials;
    private readonly Lazy<ResiliencePipeline> _retry;

    /// <param name="credentials">Null means AWSSDK.Core's default chain (environment, profile, container, instance).</param>
    /// <param name="variable">Reads environment variables for the endpoint override; null means the process environment.</param>
    public AwsJsonClient(AwsJsonClientOptions options, HttpClient http, AWSCredentials? credentials = null, TimeProvider? time = null,
        Func<string, string?>? variable = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(http);
        options.Validate();
        _options = options;
        _endpoint = options.ResolveEndpoint(variable ?? Environment.GetEnvironmentVariable);
        _http = http;
        _time = time ?? TimeProvider.System;
        _credentials = new(() => credentials is null
            ? DefaultAWSCredentialsIdentityResolver.GetCredentialsAsync(null)
            : Task.FromResult(credentials));
        // Built on the first call: Polly checks its options through DataAnnotations reflection, a few milliseconds a
        // client, and the deployer composes three of these at start-up.
        _retry = new(() => BuildRetry(options, _time));
    }

    public Uri Endpoint => _endpoint;

    /// <summary>Calls one operation, e.g. target "AWSEvents.PutEvents", and returns the answer (an empty object when the body is empty).</summary>
    public async Task<JsonNode> CallAsync(string target, JsonNode body, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        ArgumentNullException.ThrowIfNull(body);
        var call = new Call(Operation(target), HttpMethod.Post, "/", target, JsonMediaType, Encoding.UTF8.GetBytes(body.ToJsonString()));
        return await SendAsync(call, cancellationToken);
    }

    /// <summary>
    /// Calls one operation of a REST-JSON service (method, path, query, application/json body) and returns the answer
    /// (an empty object when the body is empty). Signing, errors and retries are as for <see cref="CallAsync"/>.
    /// </summary>
    internal async Task<JsonNode> CallRestAsync(AwsRestRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        var payload = request.Body is null ? null : Encoding.UTF8.GetBytes(request.Body.ToJsonString());
        var call = new Call(request.Operation, request.Method, request.PathAndQuery, null, RestJsonMediaType, payload);
        return await SendAsync(call, cancellationToken);
    }

    private Task<JsonNode> SendAsync(Call call, CancellationToken cancellationToken) =>
        _retry.Value.ExecuteAsync(async token => await SendOnceAsync(call, token), cancellationToken).AsTask();

    private async Task<JsonNode> SendOnceAsync(Call call, CancellationToken cancellationToken)
    {
        var credentials = await (await _credentials.Value).GetCredentialsAsync()
            ?? throw new InvalidOperationException("the AWS credentials provider returned no credentials");
        using var request = new HttpRequestMessage(call.Method, Address(call.PathAndQuery));
        if (call.Payload is { } payload)
        {
            request.Content = new ByteArrayContent(payload);
            request.Content.Headers.ContentType = call.ContentType;
        }

        if (call.Target is { } target)
        {
            request.Headers.Add("X-Amz-Target", target);
        }

        JsonRequestSigner.Sign(request, call.Payload ?? [], _options.Region, _options.Service.SigningName, credentials, _time.GetUtcNow());

        using var response = await _http.SendAsync(request, cancellationToken);
        var answer = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw AwsErrorResponse.ToException(_options.Service.ServiceId, call.Operation, response.StatusCode,
                Header(response, "X-Amzn-ErrorType"), Header(response, "X-Amzn-RequestId"), answer);
        }

        return answer.Length == 0 ? new JsonObject() : JsonNode.Parse(answer) ?? new JsonObject();
    }

    /// <summary>The endpoint's own path (a proxy's prefix) followed by the operation's path.</summary>
    private Uri Address(string pathAndQuery) =>
        new(_endpoint.GetLeftPart(UriPartial.Authority) + _endpoint.AbsolutePath.TrimEnd('/') + pathAndQuery);

    private static ResiliencePipeline BuildRetry(AwsJsonClientOptions options, TimeProvider time) =>
        new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                // Polly wants at least one retry attempt; MaxRetries 0 is honoured by ShouldHandle instead.
                MaxRetryAttempts = Math.Max(options.MaxRetries, 1),
                BackoffType = DelayBackoffType.Exponential,
                Delay = options.Delay,
                MaxDelay = TimeSpan.FromSeconds(20),
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(options.MaxRetries > 0 && IsTransient(args.Outcome.Exception, args.Context.CancellationToken)),
            })
            .Build();

    private static bool IsTransient(Exception? exception, CancellationToken cancellationToken) => exception switch
    {
        AwsServiceException e => e.IsRetryable,
        HttpRequestException => true,
        TaskCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };

    private static string Operation(string target) => target[(target.LastIndexOf('.') + 1)..];

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    /// <summary>One call as sent: <paramref name="Target"/> for the JSON protocol, none for REST-JSON; no payload, no body.</summary>
    private sealed record Call(string Operation, HttpMethod Method, string PathAndQuery, string? Target, MediaTypeHeaderValue ContentType, byte[]? Payload);
}
