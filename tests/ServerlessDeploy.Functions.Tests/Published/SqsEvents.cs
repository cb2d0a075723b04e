using System.Text.Json.Nodes;

namespace ServerlessDeploy.Functions.Tests.Published;

/// <summary>An SQS event of one message as Lambda's event source mapping delivers it.</summary>
internal static class SqsEvents
{
    public static string One(string queueArn, string messageId, string body, string? groupId = null)
    {
        var attributes = new JsonObject
        {
            ["ApproximateReceiveCount"] = "1",
            ["SentTimestamp"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SenderId"] = "AIDAIENQZJOLO23YVJ4VO",
            ["ApproximateFirstReceiveTimestamp"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (groupId is not null)
        {
            attributes["MessageGroupId"] = groupId;
            attributes["MessageDeduplicationId"] = messageId;
        }
        var record = new JsonObject
        {
            ["messageId"] = messageId,
            ["receiptHandle"] = "receipt-" + messageId,
            ["body"] = body,
            ["attributes"] = attributes,
            ["messageAttributes"] = new JsonObject(),
            ["md5OfBody"] = "",
            ["eventSource"] = "aws:sqs",
            ["eventSourceARN"] = queueArn,
            ["awsRegion"] = "eu-west-1",
        };
        return new JsonObject { ["Records"] = new JsonArray(record) }.ToJsonString();
    }

    /// <summary>The message ids the function asked to have retried (its partial batch response).</summary>
    public static IReadOnlyList<string> Failures(string responseBody) =>
        JsonNode.Parse(responseBody)?["batchItemFailures"]?.AsArray().Select(f => f!["itemIdentifier"]!.GetValue<string>()).ToList() ?? [];
}
