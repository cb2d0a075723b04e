using System.Text.Json;
using System.Text.Json.Nodes;

namespace ServerlessDeploy.ColdStart;

/// <summary>The one event each handler is started with, built from the samples in events/: the GitHub push as a
/// function URL request (webhook), the ECR push on the intake queue (router), a sync request on the deploy FIFO queue
/// (deployer; its message form is the router's to define, so this body may change when the deployer is wired).</summary>
internal static class BenchEvents
{
    public static string For(string handler, string eventsFolder) => handler switch
    {
        "webhook" => FunctionUrl(eventsFolder),
        "router" => Sqs(File.ReadAllText(Path.Combine(eventsFolder, "ecr-image-push.json")), "arn:aws:sqs:eu-west-1:123456789012:intake", null),
        "deployer" => Sqs(File.ReadAllText(Path.Combine(eventsFolder, "manual-sync.json")), "arn:aws:sqs:eu-west-1:123456789012:deploy.fifo", "guestbook"),
        _ => throw new ArgumentException($"No bench event for handler '{handler}'; expected webhook, router or deployer.", nameof(handler)),
    };

    private static string FunctionUrl(string eventsFolder)
    {
        using var sample = JsonDocument.Parse(File.ReadAllText(Path.Combine(eventsFolder, "github-push.json")));
        var headers = new JsonObject();
        foreach (var header in sample.RootElement.GetProperty("headers").EnumerateObject())
        {
            headers[header.Name.ToLowerInvariant()] = header.Value.GetString();
        }
        return new JsonObject
        {
            ["version"] = "2.0",
            ["routeKey"] = "$default",
            ["rawPath"] = "/",
            ["headers"] = headers,
            ["requestContext"] = new JsonObject { ["http"] = new JsonObject { ["method"] = "POST", ["path"] = "/" } },
            ["body"] = sample.RootElement.GetProperty("body").GetString(),
            ["isBase64Encoded"] = false,
        }.ToJsonString();
    }

    private static string Sqs(string body, string queueArn, string? groupId)
    {
        var attributes = new JsonObject { ["ApproximateReceiveCount"] = "1", ["SentTimestamp"] = "1763298185000" };
        if (groupId is not null)
        {
            attributes["MessageGroupId"] = groupId;
            attributes["MessageDeduplicationId"] = "bench-1";
        }
        var record = new JsonObject
        {
            ["messageId"] = "5f1d6c1e-9a0b-4f7e-8d2c-3b4a5c6d7e8f",
            ["receiptHandle"] = "AQEBbench",
            ["body"] = body,
            ["attributes"] = attributes,
            ["eventSource"] = "aws:sqs",
            ["eventSourceARN"] = queueArn,
        };
        return new JsonObject { ["Records"] = new JsonArray(record) }.ToJsonString();
    }
}
