using System.Net;
using System.Text.Json;

namespace ServerlessDeploy.Aws.Json;

/// <summary>Reads an AWS JSON-protocol error answer: <c>__type</c> (or the X-Amzn-ErrorType header) and <c>message</c>.</summary>
internal static class AwsErrorResponse
{
    // The throttling codes the AWS SDKs retry (aws-sdk-java-v2 and botocore share this list).
    private static readonly HashSet<string> ThrottlingCodes = new(StringComparer.Ordinal)
    {
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException", "TooManyRequestsException",
        "ProvisionedThroughputExceededException", "TransactionInProgressException", "RequestLimitExceeded",
        "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled", "SlowDown", "PriorRequestNotComplete",
        "EC2ThrottledException",
    };

    public static bool IsThrottling(string errorCode) => ThrottlingCodes.Contains(errorCode);

    public static AwsServiceException ToException(string service, string operation, HttpStatusCode status, string? errorTypeHeader,
        string? requestId, ReadOnlySpan<byte> body)
    {
        var (type, message) = Parse(body);
        var code = ErrorCode(type ?? errorTypeHeader) ?? $"HTTP{(int)status}";
        return new AwsServiceException(service, operation, code, message, status, requestId);
    }

    private static (string? Type, string? Message) Parse(ReadOnlySpan<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body.ToArray());
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            return (Text(document.RootElement, "__type") ?? Text(document.RootElement, "code"),
                Text(document.RootElement, "message") ?? Text(document.RootElement, "Message"));
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>"com.amazonaws.events#ResourceNotFoundException" and "ResourceNotFoundException:http://…" both mean ResourceNotFoundException.</summary>
    internal static string? ErrorCode(string? type)
    {
        if (string.IsNullOrWhiteSpace(type))
        {
            return null;
        }

        var code = type[(type.LastIndexOf('#') + 1)..];
        var colon = code.IndexOf(':', StringComparison.Ordinal);
        return (colon >= 0 ? code[..colon] : code).Trim();
    }
}
