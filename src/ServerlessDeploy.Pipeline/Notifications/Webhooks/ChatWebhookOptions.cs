namespace ServerlessDeploy.Pipeline.Notifications.Webhooks;

/// <summary>
/// One incoming webhook. Its URL is a secret (whoever has it can post to the channel), so
/// <see cref="ToString"/> leaves it out and nothing here puts it in an exception.
/// </summary>
public sealed record ChatWebhookOptions(ChatService Service, Uri WebhookUrl)
{
    public void Validate()
    {
        if (!Enum.IsDefined(Service))
        {
            throw new ArgumentOutOfRangeException(nameof(Service), Service, "not a supported chat service");
        }

        // The URL is not named in these errors: it may be a real secret with a typo in it.
        ArgumentNullException.ThrowIfNull(WebhookUrl);
        if (!WebhookUrl.IsAbsoluteUri || WebhookUrl.Scheme is not ("https" or "http"))
        {
            throw new ArgumentException($"the {Service} webhook URL is not an absolute http(s) URL", nameof(WebhookUrl));
        }
    }

    public override string ToString() => $"ChatWebhookOptions {{ Service = {Service}, WebhookUrl = (secret) }}";
}
