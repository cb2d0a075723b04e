using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using ServerlessDeploy.LocalCluster.Faults;
using ServerlessDeploy.LocalCluster.Observability;

namespace ServerlessDeploy.LocalCluster.Api;

/// <summary>
/// /debug/requests (GET the counters, DELETE to reset them) and /debug/faults (GET the rules, PUT {"faults": ["kind=429,…"]}
/// to replace them): what a benchmark or a test in another process reads and sets. Neither is counted or faulted.
/// </summary>
internal static class DebugEndpoints
{
    public static async Task HandleAsync(HttpContext context, RequestCounters counters, FaultInjector faults)
    {
        switch (context.Request.Path.Value, context.Request.Method)
        {
            case ("/debug/requests", "GET"):
                await HttpResponses.WriteAsync(context, 200, counters.ToJson());
                break;
            case ("/debug/requests", "DELETE"):
                counters.Reset();
                await HttpResponses.WriteAsync(context, 200, counters.ToJson());
                break;
            case ("/debug/faults", "GET"):
                await HttpResponses.WriteAsync(context, 200, Rules(faults));
                break;
            case ("/debug/faults", "PUT"):
                var body = HttpResponses.ParseObject(await HttpResponses.ReadBodyAsync(context.Request), "application/json");
                faults.Set(Parse(body));
                await HttpResponses.WriteAsync(context, 200, Rules(faults));
                break;
            default:
                throw Errors.PathNotFound();
        }
    }

    private static List<FaultRule> Parse(JsonObject body)
    {
        try
        {
            return (body["faults"] as JsonArray ?? []).Select(f => FaultRule.Parse(f?.ToString() ?? "")).ToList();
        }
        catch (FormatException e)
        {
            throw Errors.BadRequest(e.Message);
        }
    }

    private static JsonObject Rules(FaultInjector faults) => new()
    {
        ["faults"] = new JsonArray(faults.Rules.Select(r => (JsonNode)new JsonObject
        {
            ["kind"] = r.Kind.ToString(),
            ["verb"] = r.Verb,
            ["resource"] = r.Resource,
            ["probability"] = r.Probability,
            ["latencyMilliseconds"] = r.LatencyMilliseconds,
            ["retryAfterSeconds"] = r.RetryAfterSeconds,
        }).ToArray()),
    };
}
