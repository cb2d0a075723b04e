using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ServerlessDeploy.Testing.Http;

namespace ServerlessDeploy.Testing.Sqs;

/// <summary>What SQS's JSON protocol answers, for the recording server to give the AWS SDK.</summary>
public static class SqsAnswers
{
    private const string ContentType = "application/x-amz-json-1.0";

    /// <summary>SendMessage's answer: the SDK checks MD5OfMessageBody against the body it sent and fails the call otherwise.</summary>
    public static ScriptedResponse Sent(string messageBody, string messageId) =>
        new(200, new JsonObject
        {
#pragma warning disable CA5351 // MD5OfMessageBody is SQS's integrity checksum, not a security use.
            ["MD5OfMessageBody"] = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(messageBody))),
#pragma warning restore CA5351
            ["MessageId"] = messageId,
        }.ToJsonString(), ContentType);

    /// <summary>SendMessage's answer to the message in <paramref name="request"/>, whatever body it carries.</summary>
    public static ScriptedResponse Sent(RecordedRequest request, string messageId) =>
        Sent(request.Json["MessageBody"]?.GetValue<string>() ?? "", messageId);

    /// <summary>An SQS error as SQS sends it: HTTP 400 and the code under __type.</summary>
    public static ScriptedResponse Error(string code, string message) =>
        new(400, new JsonObject { ["__type"] = $"com.amazonaws.sqs#{code}", ["message"] = message }.ToJsonString(), ContentType);
}
