namespace ServerlessDeploy.Lambda.Runtime;

/// <summary>Names the Runtime API uses (2018-06-01).</summary>
internal static class RuntimeApiHeaders
{
    public const string RuntimeApiVariable = "AWS_LAMBDA_RUNTIME_API";
    public const string RequestId = "Lambda-Runtime-Aws-Request-Id";
    public const string DeadlineMs = "Lambda-Runtime-Deadline-Ms";
    public const string FunctionArn = "Lambda-Runtime-Invoked-Function-Arn";
    public const string TraceId = "Lambda-Runtime-Trace-Id";
    public const string FunctionErrorType = "Lambda-Runtime-Function-Error-Type";
}
