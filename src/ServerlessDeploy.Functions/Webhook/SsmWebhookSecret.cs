using System.Text;
using ServerlessDeploy.Aws.Ssm;

namespace ServerlessDeploy.Functions.Webhook;

/// <summary>The webhook secret from its SSM SecureString parameter (cached by <see cref="SsmSecret"/>), as the UTF-8
/// bytes GitHub signs with.</summary>
internal sealed class SsmWebhookSecret : IWebhookSecret
{
    private readonly SsmSecret _secret;

    public SsmWebhookSecret(SsmSecret secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        _secret = secret;
    }

    public async Task<byte[]> GetAsync(CancellationToken cancellationToken) =>
        Encoding.UTF8.GetBytes(await _secret.GetAsync(cancellationToken));
}
