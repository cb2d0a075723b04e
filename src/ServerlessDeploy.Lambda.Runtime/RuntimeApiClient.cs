using System.Globalization;
using System.Net.Http.Headers;

namespace ServerlessDeploy.Lambda.Runtime;

/// <summary>The Lambda Runtime API (2018-06-01) over HTTP: next invocation, response, invocation error, init error.
/// GET next blocks until an event arrives, so hosts should pass an HttpClient whose Timeout is Timeout.InfiniteTimeSpan.</summary>
public sealed class RuntimeApiClient
{
    private readonly HttpClient _http;
    private readonly Uri _baseUri;

    public RuntimeApiClient(HttpClient http, IRuntimeEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(environment);
        _http = http;
        var host = environment.GetVariable(RuntimeApiHeaders.RuntimeApiVariable);
        if (string.IsNullOrWhiteSpace(host))
        {
            throw new InvalidOperationException($"{RuntimeApiHeaders.RuntimeApiVariable} is not set; the Runtime API address is unknown.");
        }
        _baseUri = new Uri($"http://{host}/2018-06-01/");
    }

    /// <summary>Waits for the next invocation and returns its event and context.</summary>
    public async Task<Invocation> NextAsync(CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(new Uri(_baseUri, "runtime/invocation/next"), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        var context = ReadContext(response.Headers);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return new Invocation(context, body);
    }

    /// <summary>Posts the handler's response for one invocation.</summary>
    public Task RespondAsync(string requestId, byte[] response, CancellationToken cancellationToken) =>
        PostAsync($"runtime/invocation/{Uri.EscapeDataString(requestId)}/response", response, null, cancellationToken);

    /// <summary>Reports that the handler failed for one invocation.</summary>
    public Task ReportErrorAsync(string requestId, RuntimeError error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(error);
        return PostAsync($"runtime/invocation/{Uri.EscapeDataString(requestId)}/error", error.ToJson(), error.ErrorType, cancellationToken);
    }

    /// <summary>Reports that the function could not start.</summary>
    public Task ReportInitErrorAsync(RuntimeError error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(error);
        return PostAsync("runtime/init/error", error.ToJson(), error.ErrorType, cancellationToken);
    }

    private async Task PostAsync(string path, byte[] body, string? errorType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_baseUri, path)) { Content = content };
        if (errorType is not null)
        {
            request.Headers.TryAddWithoutValidation(RuntimeApiHeaders.FunctionErrorType, errorType);
        }
        using var response = await _http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    internal static InvocationContext ReadContext(HttpResponseHeaders headers)
    {
        var requestId = Single(headers, RuntimeApiHeaders.RequestId)
            ?? throw new InvalidOperationException($"The next invocation carries no {RuntimeApiHeaders.RequestId} header.");
        var deadlineText = Single(headers, RuntimeApiHeaders.DeadlineMs);
        if (!long.TryParse(deadlineText, NumberStyles.None, CultureInfo.InvariantCulture, out var deadlineMs))
        {
            throw new InvalidOperationException($"Invocation {requestId} has no valid {RuntimeApiHeaders.DeadlineMs} header: '{deadlineText}'.");
        }
        return new InvocationContext(
            requestId,
            DateTimeOffset.FromUnixTimeMilliseconds(deadlineMs),
            Single(headers, RuntimeApiHeaders.FunctionArn),
            Single(headers, RuntimeApiHeaders.TraceId));
    }

    private static string? Single(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
