using System.Collections.Immutable;
using Microsoft.AspNetCore.Http;
using ServerlessDeploy.LocalCluster.Api;
using ServerlessDeploy.LocalCluster.Observability;

namespace ServerlessDeploy.LocalCluster.Faults;

/// <summary>Applies the configured fault rules to requests; the rules can be replaced while the server runs.</summary>
internal sealed class FaultInjector(IEnumerable<FaultRule> rules, Random random, TimeProvider time)
{
    private ImmutableArray<FaultRule> _rules = [.. rules];

    public IReadOnlyList<FaultRule> Rules => _rules;

    public void Set(IEnumerable<FaultRule> rules) => ImmutableInterlocked.InterlockedExchange(ref _rules, [.. rules]);

    /// <summary>Delays, fails or drops the request when a rule hits; returns false when the connection was dropped.</summary>
    internal async Task<bool> BeforeAsync(HttpContext context, RequestKind kind)
    {
        foreach (var rule in _rules.Where(r => r.Applies(kind.Verb, kind.Resource)))
        {
            if (!Hits(rule.Probability))
            {
                continue;
            }

            switch (rule.Kind)
            {
                case FaultKind.Latency:
                    await Task.Delay(TimeSpan.FromMilliseconds(rule.LatencyMilliseconds), time, context.RequestAborted);
                    break;
                case FaultKind.TooManyRequests:
                    throw new StatusException(429, "TooManyRequests", "the server has received too many requests and has asked us to try again later (injected fault)",
                        new System.Text.Json.Nodes.JsonObject { ["retryAfterSeconds"] = rule.RetryAfterSeconds });
                case FaultKind.ServerError:
                    throw new StatusException(500, "InternalError", "Internal error occurred: injected fault");
                case FaultKind.DropConnection:
                    context.Abort();
                    return false;
            }
        }

        return true;
    }

    private bool Hits(double probability)
    {
        if (probability >= 1)
        {
            return true;
        }

        lock (random)
        {
            return random.NextDouble() < probability;
        }
    }
}
