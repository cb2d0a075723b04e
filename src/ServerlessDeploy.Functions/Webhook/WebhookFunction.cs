using System.Text;
using System.Text.Json;
using ServerlessDeploy.Core.Triggers;
using ServerlessDeploy.Functions.Hosting;
using ServerlessDeploy.Lambda.Runtime;
using ServerlessDeploy.Lambda.Runtime.Events;
using ServerlessDeploy.Pipeline.Queues;

namespace ServerlessDeploy.Functions.Webhook;

/// <summary>
/// The GitHub webhook behind a function URL: decodes the body, lets <see cref="GitHubWebhook"/> judge the delivery
/// (size, signature, event type), and for an accepted push sends the normalised trigger (never the raw body) to the
/// intake queue. Neither the secret nor the body is logged.
/// </summary>
internal sealed class WebhookFunction : IFunctionHandler
{
    private readonly IWebhookSecret _secret;
    private readonly IQueueSender _intake;
    private readonly JsonLog _log;

    public WebhookFunction(IWebhookSecret secret, IQueueSender intake, JsonLog log)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(intake);
        ArgumentNullException.ThrowIfNull(log);
        _secret = secret;
        _intake = intake;
        _log = log;
    }

    public async Task<byte[]> HandleAsync(Invocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var requestId = invocation.Context.RequestId;
        var request = FunctionUrlRequest.Parse(invocation.Event);
        if (!TryDecodeBody(request, out var body))
        {
            return Reply(requestId, 400, "The body is marked base64 but is not valid base64.");
        }

        var secret = await _secret.GetAsync(cancellationToken);
        var outcome = GitHubWebhook.Handle(request.Headers, body, secret);
        if (outcome.Trigger is not { } trigger)
        {
            return Reply(requestId, WebhookStatus.Of(outcome.Verdict), outcome.Message);
        }

        try
        {
            await _intake.SendAsync(new QueueMessage(TriggerJson.Serialize(trigger)), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // GitHub shows a failed delivery and can redeliver it; the push is not lost silently.
            _log.Error(requestId, $"webhook: the trigger could not be queued: {exception.GetType().Name}: {exception.Message}");
            return Reply(requestId, 503, "The push could not be queued; redeliver it.");
        }

        _log.Info(requestId, "webhook: trigger queued");
        return Reply(requestId, WebhookStatus.Of(outcome.Verdict), outcome.Message);
    }

    private static bool TryDecodeBody(FunctionUrlRequest request, out byte[] body)
    {
        var text = request.Body ?? "";
        if (!request.IsBase64Encoded)
        {
            body = Encoding.UTF8.GetBytes(text);
            return true;
        }

        body = new byte[(text.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(text, body, out var written))
        {
            body = [];
            return false;
        }
        body = body[..written];
        return true;
    }

    private byte[] Reply(string requestId, int statusCode, string message)
    {
        _log.Info(requestId, $"webhook: {statusCode} {message}");
        var reply = JsonSerializer.Serialize(new WebhookReply(message), FunctionsJsonContext.Default.WebhookReply);
        var headers = new Dictionary<string, string> { ["content-type"] = "application/json" };
        return new FunctionUrlResponse(statusCode, headers, reply).ToJson();
    }
}
