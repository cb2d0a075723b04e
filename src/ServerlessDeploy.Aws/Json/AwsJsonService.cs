namespace ServerlessDeploy.Aws.Json;

/// <summary>
/// How one AWS JSON-protocol or REST-JSON service is named: <paramref name="ServiceId"/> as in AWS_ENDPOINT_URL_&lt;SERVICE&gt;
/// (upper-cased, spaces as underscores), the SigV4 <paramref name="SigningName"/>, and the <paramref name="EndpointPrefix"/>
/// of its regional host name.
/// </summary>
public sealed record AwsJsonService(string ServiceId, string SigningName, string EndpointPrefix)
{
    public static readonly AwsJsonService EventBridge = new("EventBridge", "events", "events");
    public static readonly AwsJsonService Ecr = new("ECR", "ecr", "api.ecr");
    public static readonly AwsJsonService CodePipeline = new("CodePipeline", "codepipeline", "codepipeline");

    /// <summary>EventBridge Scheduler, a REST-JSON service: call it with <see cref="AwsJsonClient.CallRestAsync"/>.</summary>
    public static readonly AwsJsonService Scheduler = new("Scheduler", "scheduler", "scheduler");

    /// <summary>The name of the service-specific endpoint variable, e.g. AWS_ENDPOINT_URL_EVENTBRIDGE.</summary>
    public string EndpointVariable => "AWS_ENDPOINT_URL_" + ServiceId.ToUpperInvariant().Replace(' ', '_');
}
