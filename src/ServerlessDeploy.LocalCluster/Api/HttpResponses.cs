using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using ServerlessDeploy.Core.Yaml;

namespace ServerlessDeploy.LocalCluster.Api;

/// <summary>Writes JSON bodies the way kube-apiserver does, with its Warning headers.</summary>
internal static class HttpResponses
{
    public static async Task WriteAsync(HttpContext context, int code, JsonNode body, IEnumerable<string>? warnings = null, string contentType = "application/json")
    {
        context.Response.StatusCode = code;
        context.Response.ContentType = contentType;
        foreach (var warning in warnings ?? [])
        {
            context.Response.Headers.Append("Warning", $"299 - \"{warning.Replace("\"", "\\\"", StringComparison.Ordinal)}\"");
        }

        await context.Response.WriteAsync(body.ToJsonString(), Encoding.UTF8, context.RequestAborted);
    }

    public static Task WriteStatusAsync(HttpContext context, StatusException error)
    {
        if (error.Code == 429 && error.Details?["retryAfterSeconds"] is { } retry)
        {
            context.Response.Headers.RetryAfter = retry.ToString();
        }

        return WriteAsync(context, error.Code, error.ToStatus());
    }

    public static async Task<string> ReadBodyAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        return await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
    }

    /// <summary>The media type of the request body, without parameters (charset and the like).</summary>
    public static string MediaType(HttpRequest request) =>
        (request.ContentType ?? "application/json").Split(';')[0].Trim().ToLowerInvariant();

    public static JsonObject ParseObject(string body, string mediaType)
    {
        if (mediaType is not ("application/json" or "application/yaml" or "application/apply-patch+yaml"))
        {
            // Protobuf and CBOR bodies need the generated Go schemas; clients fall back to JSON on 415.
            throw Errors.UnsupportedMediaType(mediaType);
        }

        try
        {
            var node = mediaType is "application/yaml" or "application/apply-patch+yaml"
                ? JsonObjectOrNull(body) ?? (YamlReader.ReadAll(body, "request body") is [var first, ..] ? first : null)
                : JsonNode.Parse(body);
            return node as JsonObject ?? throw Errors.BadRequest("the request body must be a JSON or YAML object");
        }
        catch (System.Text.Json.JsonException e)
        {
            throw Errors.BadRequest($"couldn't get version/kind; json parse error: {e.Message}");
        }
        catch (FormatException e)
        {
            throw Errors.BadRequest($"error converting YAML to JSON: {e.Message}");
        }
    }

    /// <summary>
    /// Clients send apply bodies as JSON (JSON is YAML); those are read by the JSON parser, many times faster than the
    /// YAML reader. A flow-style YAML mapping that is not JSON is left to the YAML reader.
    /// </summary>
    private static JsonNode? JsonObjectOrNull(string body)
    {
        if (!body.AsSpan().TrimStart().StartsWith("{", StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(body);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
