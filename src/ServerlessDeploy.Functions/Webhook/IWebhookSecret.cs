namespace ServerlessDeploy.Functions.Webhook;

/// <summary>The GitHub webhook secret (in AWS: an SSM SecureString parameter, read once and cached).
/// Its value is used for the HMAC only and is never logged.</summary>
internal interface IWebhookSecret
{
    Task<byte[]> GetAsync(CancellationToken cancellationToken);
}
