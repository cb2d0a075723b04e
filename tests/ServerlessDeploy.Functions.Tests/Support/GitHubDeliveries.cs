using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ServerlessDeploy.Functions.Tests.Support;

/// <summary>GitHub webhook deliveries as a function URL passes them to Lambda (payload format 2.0, header names in lower case),
/// starting from the sample in events/github-push.json and the secret that signed it.</summary>
internal static class GitHubDeliveries
{
    public static byte[] Secret => TestData.Bytes("events/github-push.secret");

    /// <summary>The sample's headers and exact body.</summary>
    public static (Dictionary<string, string> Headers, string Body) Push()
    {
        using var sample = JsonDocument.Parse(TestData.Bytes("events/github-push.json"));
        var headers = sample.RootElement.GetProperty("headers").EnumerateObject()
            .ToDictionary(h => h.Name.ToLowerInvariant(), h => h.Value.GetString()!);
        return (headers, sample.RootElement.GetProperty("body").GetString()!);
    }

    /// <summary>A delivery of <paramref name="eventType"/> with <paramref name="body"/>, signed with the sample secret.</summary>
    public static Dictionary<string, string> SignedHeaders(string eventType, byte[] body) => new()
    {
        ["content-type"] = "application/json",
        ["x-github-event"] = eventType,
        ["x-hub-signature-256"] = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Secret, body)),
    };

    public static string FunctionUrlEvent(IReadOnlyDictionary<string, string> headers, string? body, bool isBase64Encoded = false)
    {
        var headerObject = new JsonObject();
        foreach (var (name, value) in headers)
        {
            headerObject[name] = value;
        }

        var request = new JsonObject
        {
            ["version"] = "2.0",
            ["routeKey"] = "$default",
            ["rawPath"] = "/",
            ["rawQueryString"] = "",
            ["headers"] = headerObject,
            ["requestContext"] = new JsonObject
            {
                ["accountId"] = "anonymous",
                ["domainName"] = "abcdefghij.lambda-url.eu-west-1.on.aws",
                ["http"] = new JsonObject { ["method"] = "POST", ["path"] = "/", ["protocol"] = "HTTP/1.1", ["sourceIp"] = "140.82.115.1" },
                ["requestId"] = "b0a2a4c2-5d4e-4d0b-9c1e-2b1f3c4d5e6f",
            },
            ["body"] = body,
            ["isBase64Encoded"] = isBase64Encoded,
        };
        return request.ToJsonString();
    }

    public static string Base64(string body) => Convert.ToBase64String(Encoding.UTF8.GetBytes(body));
}
