using ServerlessDeploy.Functions.Webhook;

namespace ServerlessDeploy.Functions.Local;

/// <summary>The webhook secret read from a local file (a <c>file://</c> parameter name), for local runs and the
/// cold-start bench; in AWS it is an SSM SecureString parameter.</summary>
internal sealed class FileWebhookSecret : IWebhookSecret
{
    private readonly string _path;

    public FileWebhookSecret(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _path = path;
    }

    public Task<byte[]> GetAsync(CancellationToken cancellationToken) => File.ReadAllBytesAsync(_path, cancellationToken);
}
