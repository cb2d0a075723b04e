using System.Text.Json;

namespace ServerlessDeploy.Core.Triggers;

/// <summary>
/// One GitHub webhook delivery to the function URL: size, then signature, then event type.
/// 413 over <see cref="MaxBodyBytes"/>; 401 without a valid <c>X-Hub-Signature-256</c>; 200 for <c>ping</c>;
/// 202 for other event types (ignored); for <c>push</c>, 202 with a <see cref="GitPushed"/> trigger,
/// 202 without one for a tag or a deleted branch, 400 for a malformed payload or one whose before/after is not a
/// commit id (GitHub does not redeliver it; the answer and its reason are in the delivery's record).
/// The secret is only used to compute the HMAC; it never appears in an outcome.
/// </summary>
public static class GitHubWebhook
{
    public const int MaxBodyBytes = 6 * 1024 * 1024;

    public static WebhookOutcome Handle(IReadOnlyDictionary<string, string> headers, byte[] body, byte[] secret)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(secret);
        if (body.Length > MaxBodyBytes)
        {
            return new WebhookOutcome(413, $"The body is {body.Length} bytes; the limit is {MaxBodyBytes}.");
        }

        if (!WebhookSignature.Verify(Header(headers, "X-Hub-Signature-256"), body, secret))
        {
            return new WebhookOutcome(401, "The X-Hub-Signature-256 header is missing or does not match the body.");
        }

        return Header(headers, "X-GitHub-Event") switch
        {
            null or "" => new WebhookOutcome(400, "The X-GitHub-Event header is missing."),
            "ping" => new WebhookOutcome(200, "pong"),
            "push" => Push(body),
            var other => new WebhookOutcome(202, $"GitHub event '{other}' is ignored."),
        };
    }

    private static WebhookOutcome Push(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var result = GitHubPushPayload.Read(document.RootElement);
            return result.Status switch
            {
                TriggerParseStatus.Parsed => new WebhookOutcome(202, "Push accepted.", result.Trigger),
                TriggerParseStatus.Rejected => new WebhookOutcome(400, result.Reason ?? "Rejected."),
                _ => new WebhookOutcome(202, result.Reason ?? "Ignored."),
            };
        }
        catch (JsonException e)
        {
            return new WebhookOutcome(400, $"The push payload is not valid JSON: {e.Message}");
        }
        catch (MalformedEventException e)
        {
            return new WebhookOutcome(400, e.Message);
        }
    }

    private static string? Header(IReadOnlyDictionary<string, string> headers, string name)
    {
        if (headers.TryGetValue(name, out var exact))
        {
            return exact;
        }

        foreach (var (key, value) in headers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }
}
