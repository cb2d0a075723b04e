using ServerlessDeploy.Core.Triggers;

namespace ServerlessDeploy.Functions.Webhook;

/// <summary>The HTTP status the function URL answers a webhook verdict with. GitHub does not redeliver a 4xx answer;
/// the answer and its reason stay in the delivery's record.</summary>
internal static class WebhookStatus
{
    public static int Of(WebhookVerdict verdict) => verdict switch
    {
        WebhookVerdict.Accepted or WebhookVerdict.Ignored => 202,
        WebhookVerdict.Pong => 200,
        WebhookVerdict.Unauthorized => 401,
        WebhookVerdict.TooLarge => 413,
        WebhookVerdict.Malformed or WebhookVerdict.Rejected => 400,
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, "No HTTP status is mapped for this verdict."),
    };
}
