namespace ServerlessDeploy.Aws.Json;

/// <summary>Where and how an <see cref="AwsJsonClient"/> calls its service.</summary>
/// <param name="Region">The AWS region, e.g. eu-west-1; it is both in the default host name and in the signature scope.</param>
/// <param name="Endpoint">An explicit endpoint (tests, VPC endpoints); null means resolved by <see cref="ResolveEndpoint"/>.</param>
/// <param name="MaxRetries">Retries after throttling, 5xx and network errors; 0 sends once.</param>
/// <param name="BaseDelay">The first backoff delay; each retry doubles it (with jitter).</param>
public sealed record AwsJsonClientOptions(AwsJsonService Service, string Region, Uri? Endpoint = null, int MaxRetries = 3, TimeSpan? BaseDelay = null)
{
    public static readonly TimeSpan DefaultBaseDelay = TimeSpan.FromMilliseconds(200);

    public TimeSpan Delay => BaseDelay ?? DefaultBaseDelay;

    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Service);
        if (string.IsNullOrWhiteSpace(Region) || !Region.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            throw new ArgumentException($"AWS region \"{Region}\" is not a region name such as eu-west-1", nameof(Region));
        }

        if (MaxRetries is < 0 or > 10)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRetries), MaxRetries, "retries must be between 0 and 10");
        }

        if (Delay < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(BaseDelay), Delay, "the backoff delay must not be negative");
        }
    }

    /// <summary>
    /// The endpoint, in the order the AWS SDKs use: the explicit one, then AWS_ENDPOINT_URL_&lt;SERVICE&gt;, then
    /// AWS_ENDPOINT_URL, then https://&lt;prefix&gt;.&lt;region&gt;.amazonaws.com (.com.cn in the China regions).
    /// </summary>
    /// <param name="variable">Reads an environment variable; injected so tests never touch the process environment.</param>
    public Uri ResolveEndpoint(Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        if (Endpoint is not null)
        {
            return Endpoint;
        }

        foreach (var name in new[] { Service.EndpointVariable, "AWS_ENDPOINT_URL" })
        {
            if (variable(name) is { Length: > 0 } value)
            {
                return Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                    ? uri
                    : throw new ArgumentException($"{name} is not an http(s) URL", name);
            }
        }

        var suffix = Region.StartsWith("cn-", StringComparison.Ordinal) ? "amazonaws.com.cn" : "amazonaws.com";
        return new Uri($"https://{Service.EndpointPrefix}.{Region}.{suffix}/");
    }
}
