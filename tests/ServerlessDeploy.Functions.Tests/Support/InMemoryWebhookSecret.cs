using ServerlessDeploy.Functions.Webhook;

namespace ServerlessDeploy.Functions.Tests.Support;

/// <summary>A webhook secret held in memory.</summary>
internal sealed class InMemoryWebhookSecret(byte[] secret) : IWebhookSecret
{
    public Task<byte[]> GetAsync(CancellationToken cancellationToken) => Task.FromResult(secret);
}
