namespace ServerlessDeploy.Aws.Ssm;

/// <summary>Which SecureString parameter holds the secret and how long a read value is reused.</summary>
/// <param name="ParameterName">The parameter's name or ARN, e.g. /serverless-deploy/slack-webhook.</param>
public sealed record SsmSecretOptions(string ParameterName, TimeSpan CacheFor)
{
    public static readonly TimeSpan DefaultCacheFor = TimeSpan.FromMinutes(5);

    public SsmSecretOptions(string parameterName) : this(parameterName, DefaultCacheFor)
    {
    }

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(ParameterName))
        {
            throw new ArgumentException("SSM parameter name is empty", nameof(ParameterName));
        }

        if (CacheFor < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(CacheFor), CacheFor, "the cache time must not be negative");
        }
    }
}
