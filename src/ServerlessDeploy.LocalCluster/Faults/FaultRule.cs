using System.Globalization;

namespace ServerlessDeploy.LocalCluster.Faults;

/// <summary>
/// One injected fault: which requests it hits (verb and resource, null for any) and how often.
/// Written on the command line as comma-separated key=value pairs, e.g.
/// <c>kind=429,verb=patch,resource=deployments,p=0.3,retry-after=1</c> or <c>kind=latency,ms=200</c>.
/// </summary>
public sealed record FaultRule(FaultKind Kind, string? Verb = null, string? Resource = null, double Probability = 1.0, int LatencyMilliseconds = 0, int RetryAfterSeconds = 1)
{
    public bool Applies(string verb, string resource) =>
        (Verb is null || Verb == verb) && (Resource is null || Resource == resource || resource.StartsWith(Resource + "/", StringComparison.Ordinal));

    public static FaultRule Parse(string text)
    {
        var pairs = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => p[0], p => p.Length == 2 ? p[1] : "", StringComparer.OrdinalIgnoreCase);
        if (pairs.Keys.FirstOrDefault(k => k is not ("kind" or "verb" or "resource" or "p" or "ms" or "retry-after")) is { } unknown)
        {
            throw new FormatException($"fault '{text}': unknown key '{unknown}' (known: kind, verb, resource, p, ms, retry-after)");
        }

        var kind = pairs.GetValueOrDefault("kind") switch
        {
            "latency" => FaultKind.Latency,
            "429" => FaultKind.TooManyRequests,
            "500" => FaultKind.ServerError,
            "drop" => FaultKind.DropConnection,
            var other => throw new FormatException($"fault '{text}': kind must be latency, 429, 500 or drop, not '{other}'"),
        };
        var probability = Number(pairs, "p", 1.0, text);
        if (probability is < 0 or > 1)
        {
            throw new FormatException($"fault '{text}': p must be between 0 and 1");
        }

        return new FaultRule(kind, pairs.GetValueOrDefault("verb"), pairs.GetValueOrDefault("resource"), probability,
            (int)Number(pairs, "ms", 0, text), (int)Number(pairs, "retry-after", 1, text));
    }

    private static double Number(Dictionary<string, string> pairs, string key, double fallback, string text) =>
        !pairs.TryGetValue(key, out var value) ? fallback
        : double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n >= 0 ? n
        : throw new FormatException($"fault '{text}': {key} must be a non-negative number, not '{value}'");
}
