using System.Net.Http.Headers;
using System.Text;

namespace ServerlessDeploy.Pipeline.Notifications.Webhooks;

/// <summary>
/// Posts each sync to a Slack, Microsoft Teams or Discord incoming webhook in that service's payload. A refusal
/// (non-2xx) or a network failure throws <see cref="ChatWebhookException"/> naming the service and the status; the
/// webhook URL is a secret and is never part of an error. Give it an HttpClient without request logging
/// (IHttpClientFactory's default logging writes request URLs).
/// </summary>
public sealed class ChatWebhookNotifier : INotifier
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private readonly HttpClient _http;
    private readonly ChatWebhookOptions _options;
    private readonly IChatFormatter _formatter;

    public ChatWebhookNotifier(HttpClient http, ChatWebhookOptions options)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _http = http;
        _options = options;
        _formatter = ChatFormatters.For(options.Service);
    }

    public ChatService Service => _options.Service;

    public async Task NotifyAsync(SyncNotification notification, CancellationToken cancellationToken)
    {
        var payload = Encoding.UTF8.GetBytes(_formatter.Format(ChatMessage.From(notification)).ToJsonString());
        using var content = new ByteArrayContent(payload);
        content.Headers.ContentType = Json;
        HttpResponseMessage response;
        try
        {
            response = await _http.PostAsync(_options.WebhookUrl, content, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            // HttpRequestException's message and inner exceptions can carry the request URL; only its kind is kept.
            throw new ChatWebhookException(_options.Service, $"could not be reached ({e.HttpRequestError})");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ChatWebhookException(_options.Service, $"did not answer within {_http.Timeout.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} s");
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new ChatWebhookException(_options.Service, $"answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
            }
        }
    }

    public override string ToString() => $"ChatWebhookNotifier({_options.Service})";
}
