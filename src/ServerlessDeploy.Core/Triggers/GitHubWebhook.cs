using System.Text.Json;

namespace ServerlessDeploy.Core.Triggers;

/// <summary>
/// One GitHub webhook delivery to the function URL: size, then signature, then event type.
/// Too large over <see cref="MaxBodyBytes"/>; unauthorized without a valid <c>X-Hub-Signature-256</c>; pong for
/// <c>ping</c>; other event types are ignored; a <c>push</c> is accepted with a <see cref="GitPushed"/> trigger, ignored
/// for a tag or a deleted branch, malformed when its payload cannot be read, rejected when its before/after is not a
/// commit id. Each verdict carries its reason; the host maps the verdict to its answer.
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
            return new WebhookOutcome(WebhookVerdict.TooLarge, $"The body is {body.Length} bytes; the limit is {MaxBodyBytes}.");
        }

        if (!WebhookSignature.Verify(Header(headers, "X-Hub-Signature-256"), body, secret))
        {
            return new WebhookOutcome(WebhookVerdict.Unauthorized, "The X-Hub-Signature-256 header is missing or does not match the body.");
        }

        return Header(headers, "X-GitHub-Event") switch
        {
            null or "" => new WebhookOutcome(WebhookVerdict.Malformed, "The X-GitHub-Event header is missing."),
            "ping" => new WebhookOutcome(WebhookVerdict.Pong, "pong"),
            "push" => Push(body),
            var other => new WebhookOutcome(WebhookVerdict.Ignored, $"GitHub event '{other}' is ignored."),
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
                TriggerParseStatus.Parsed => new WebhookOutcome(WebhookVerdict.Accepted, "Push accepted.", result.Trigger),
                TriggerParseStatus.Rejected => new WebhookOutcome(WebhookVerdict.Rejected, result.Reason ?? "Rejected."),
                _ => new WebhookOutcome(WebhookVerdict.Ignored, result.Reason ?? "Ignored."),
            };
        }
        catch (JsonException e)
        {
            return new WebhookOutcome(WebhookVerdict.Malformed, $"The push payload is not valid JSON: {e.Message}");
        }
        catch (MalformedEventException e)
        {
            return new WebhookOutcome(WebhookVerdict.Malformed, e.Message);
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
