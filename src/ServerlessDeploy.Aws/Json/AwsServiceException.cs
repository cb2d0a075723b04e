using System.Net;

namespace ServerlessDeploy.Aws.Json;

/// <summary>
/// An AWS service refused a call: the service, the operation, AWS's error code and message, and the HTTP status.
/// The message is AWS's own text; request bodies and credentials are never part of it.
/// </summary>
internal sealed class AwsServiceException : Exception
{
    public AwsServiceException(string service, string operation, string errorCode, string? awsMessage, HttpStatusCode statusCode, string? requestId)
        : base($"{service} {operation} failed with {errorCode} (HTTP {(int)statusCode}): {(string.IsNullOrWhiteSpace(awsMessage) ? "no message" : awsMessage)}")
    {
        Service = service;
        Operation = operation;
        ErrorCode = errorCode;
        StatusCode = statusCode;
        RequestId = requestId;
    }

    public string Service { get; }

    public string Operation { get; }

    public string ErrorCode { get; }

    public HttpStatusCode StatusCode { get; }

    public string? RequestId { get; }

    /// <summary>Throttling and server-side errors are worth another try; the rest will fail the same way again.</summary>
    public bool IsRetryable => (int)StatusCode >= 500 || StatusCode == HttpStatusCode.TooManyRequests || AwsErrorResponse.IsThrottling(ErrorCode);
}
