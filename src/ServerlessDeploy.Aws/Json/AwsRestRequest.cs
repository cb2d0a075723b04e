using System.Text.Json.Nodes;

namespace ServerlessDeploy.Aws.Json;

/// <summary>
/// One call of a REST-JSON service (EventBridge Scheduler): the operation's name (for errors), its HTTP method, the
/// path with its members already put in and URI-escaped (e.g. "/schedules/wake-1"), the query members, and the JSON
/// body if the operation has one.
/// </summary>
internal sealed record AwsRestRequest(string Operation, HttpMethod Method, string Path,
    IReadOnlyList<KeyValuePair<string, string>>? Query = null, JsonNode? Body = null)
{
    /// <summary>The path and query as sent: names and values of the query URI-escaped, in the order given.</summary>
    public string PathAndQuery =>
        Query is not { Count: > 0 } query
            ? Path
            : Path + "?" + string.Join('&', query.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));

    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Operation);
        ArgumentNullException.ThrowIfNull(Method);
        if (string.IsNullOrEmpty(Path) || Path[0] != '/' || Path.Contains('?', StringComparison.Ordinal))
        {
            throw new ArgumentException($"the path \"{Path}\" of {Operation} must start with / and carry no query", nameof(Path));
        }
    }
}
