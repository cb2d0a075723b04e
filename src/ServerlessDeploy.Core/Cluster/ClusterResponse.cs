using System.Text.Json.Nodes;

namespace ServerlessDeploy.Core.Cluster;

/// <summary>
/// What the API server answered: the object (or list) on success, or its Status message and reason on failure.
/// Failures are values, so a sync can record one resource's failure and go on deciding.
/// </summary>
public sealed record ClusterResponse(int StatusCode, JsonObject? Body, string? Reason, string? Message)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;

    public bool NotFound => StatusCode == 404;

    /// <summary>429: the server refuses for now (an eviction a PodDisruptionBudget does not allow yet); asking again later may succeed.</summary>
    public bool TooManyRequests => StatusCode == 429;

    public static ClusterResponse Unreachable(string message) => new(0, null, "Unreachable", message);

    /// <summary>"200"; "404 NotFound: …"; for a server that never answered, only the message (there is no status code).</summary>
    public override string ToString() => Succeeded ? $"{StatusCode}" : StatusCode == 0 ? Message ?? Reason ?? "no answer" : $"{StatusCode} {Reason}: {Message}";
}
