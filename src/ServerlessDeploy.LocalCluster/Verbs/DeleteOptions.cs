using Microsoft.AspNetCore.Http;
using System.Text.Json.Nodes;
using ServerlessDeploy.LocalCluster.Api;

namespace ServerlessDeploy.LocalCluster.Verbs;

/// <summary>DeleteOptions, from the query or the request body: propagation policy, preconditions, dry run.</summary>
internal sealed record DeleteOptions(string? PropagationPolicy, string? PreconditionUid, string? PreconditionResourceVersion, bool DryRun)
{
    public static DeleteOptions From(IQueryCollection query, JsonObject? body)
    {
        var policy = Text(body?["propagationPolicy"]) ?? NullIfEmpty(query["propagationPolicy"].ToString());
        if (policy is not (null or "Foreground" or "Background" or "Orphan"))
        {
            throw Errors.BadRequest($"DeleteOptions.propagationPolicy: Unsupported value: \"{policy}\": supported values: \"Foreground\", \"Background\", \"Orphan\"");
        }

        if (Text(body?["orphanDependents"]) == "true")
        {
            policy ??= "Orphan";
        }

        var dryRun = body?["dryRun"] is JsonArray { Count: > 0 } || query["dryRun"].ToString() == "All";
        return new DeleteOptions(policy, Text(body?["preconditions"]?["uid"]), Text(body?["preconditions"]?["resourceVersion"]), dryRun);
    }

    private static string? Text(JsonNode? node) => node?.ToString() is { Length: > 0 } text ? text : null;

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
