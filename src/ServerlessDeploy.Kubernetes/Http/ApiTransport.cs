using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Polly;
using Polly.Retry;
using ServerlessDeploy.Core.Cluster;

namespace ServerlessDeploy.Kubernetes.Http;

/// <summary>
/// Sends requests through a cluster's HTTP pipeline and authorizer, retrying throttling (429 with Retry-After,
/// honoured), server errors and timeouts with exponential backoff; answers are parsed into values.
/// </summary>
internal sealed class ApiTransport
{
    private readonly ClusterHttp _cluster;
    private readonly ResiliencePipeline<HttpResponseMessage> _retry;

    public ApiTransport(ClusterHttp cluster, TimeProvider time, int maxRetries = 5)
    {
        _cluster = cluster;
        _retry = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = maxRetries,
                BackoffType = DelayBackoffType.Exponential,
                Delay = TimeSpan.FromMilliseconds(200),
                MaxDelay = TimeSpan.FromSeconds(10),
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result?.Headers.RetryAfter?.Delta),
                OnRetry = args =>
                {
                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    /// <param name="accept">The Accept header; JSON when null.</param>
    public async Task<ClusterResponse> SendAsync(HttpMethod method, string path, string? body, string? contentType, CancellationToken cancellationToken, string? accept = null)
    {
        try
        {
            using var response = await _retry.ExecuteAsync(
                async token => await SendOnceAsync(method, path, body, contentType, accept, token),
                cancellationToken);
            return await ReadAsync(response, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            return ClusterResponse.Unreachable($"{method} {path}: the API server at {_cluster.BaseUri} is unreachable: {e.Message}");
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            return ClusterResponse.Unreachable($"{method} {path}: the API server at {_cluster.BaseUri} did not answer in time: {e.Message}");
        }
    }

    private async Task<HttpResponseMessage> SendOnceAsync(HttpMethod method, string path, string? body, string? contentType, string? accept, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(_cluster.BaseUri, path.TrimStart('/')));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType ?? "application/json");
        }

        request.Headers.TryAddWithoutValidation("Accept", accept ?? "application/json");
        if (_cluster.Authorize is { } authorize)
        {
            await authorize(request, cancellationToken);
        }

        return await _cluster.Client.SendAsync(request, cancellationToken);
    }

    /// <summary>
    /// A 429 is throttling only with a Retry-After, as client-go reads it: without one it is a verdict (an eviction a
    /// PodDisruptionBudget refuses) for the caller to act on, not to be sent again at once.
    /// </summary>
    private static bool IsTransient(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is HttpRequestException or TimeoutException
        || outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests, Headers.RetryAfter: not null }
        || outcome.Result?.StatusCode is HttpStatusCode.InternalServerError
            or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    private static async Task<ClusterResponse> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        JsonObject? body = null;
        try
        {
            body = text.Length == 0 ? null : JsonNode.Parse(text) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            // A non-JSON answer (a proxy's error page) is reported by its status and text below.
        }

        var code = (int)response.StatusCode;
        if (code is >= 200 and < 300)
        {
            return new ClusterResponse(code, body, null, null);
        }

        var message = body?["message"]?.ToString() ?? (text.Length > 300 ? text[..300] : text);
        return new ClusterResponse(code, body, body?["reason"]?.ToString() ?? response.StatusCode.ToString(), message);
    }
}
