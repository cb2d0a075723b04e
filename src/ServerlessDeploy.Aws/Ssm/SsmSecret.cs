using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;

namespace ServerlessDeploy.Aws.Ssm;

/// <summary>
/// A secret kept in an SSM SecureString parameter (a webhook URL, a Git token), read with decryption through
/// AWSSDK.SimpleSystemsManagement and reused for <see cref="SsmSecretOptions.CacheFor"/>. Safe for concurrent readers:
/// one read at a time refreshes it. The value never appears in an exception or in <see cref="ToString"/>.
/// </summary>
public sealed class SsmSecret : IDisposable
{
    private readonly IAmazonSimpleSystemsManagement _ssm;
    private readonly SsmSecretOptions _options;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (string Value, DateTimeOffset ReadAt)? _cached;

    public SsmSecret(IAmazonSimpleSystemsManagement ssm, SsmSecretOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(ssm);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _ssm = ssm;
        _options = options;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The decrypted value, from the cache while it is younger than the cache time.</summary>
    public async Task<string> GetAsync(CancellationToken cancellationToken)
    {
        if (Fresh() is { } cached)
        {
            return cached;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (Fresh() is { } again)
            {
                return again;
            }

            var value = await ReadAsync(cancellationToken);
            _cached = (value, _time.GetUtcNow());
            return value;
        }
        finally
        {
            _gate.Release();
        }
    }

    private string? Fresh()
    {
        var now = _time.GetUtcNow();
        return _cached is { } c && now >= c.ReadAt && now - c.ReadAt < _options.CacheFor ? c.Value : null;
    }

    private async Task<string> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            var response = await _ssm.GetParameterAsync(new GetParameterRequest { Name = _options.ParameterName, WithDecryption = true }, cancellationToken);
            return response.Parameter?.Value
                ?? throw new InvalidOperationException($"SSM parameter \"{_options.ParameterName}\" was returned without a value");
        }
        catch (ParameterNotFoundException e)
        {
            throw new SsmParameterNotFoundException(_options.ParameterName, e);
        }
    }

    public void Dispose() => _gate.Dispose();

    public override string ToString() => $"SsmSecret({_options.ParameterName})";
}
