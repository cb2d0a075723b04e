using Amazon;
using Amazon.DynamoDBv2;
using Amazon.S3;
using Amazon.SimpleSystemsManagement;
using Amazon.SQS;

namespace ServerlessDeploy.Functions.Composition;

/// <summary>
/// The AWS SDK clients of one function, for its region, each made on first use and shared by every port. Credentials
/// come from the SDK's default chain (the function's role in Lambda) and are resolved on the first call, so building
/// the clients contacts nothing; AWSSDK v4 honours AWS_ENDPOINT_URL_&lt;SERVICE&gt; for local endpoints.
/// </summary>
internal sealed class AwsClients(string region)
{
    private readonly Lazy<AmazonSQSClient> _sqs = new(() => new AmazonSQSClient(new AmazonSQSConfig { RegionEndpoint = Endpoint(region) }));
    private readonly Lazy<AmazonDynamoDBClient> _dynamo = new(() => new AmazonDynamoDBClient(new AmazonDynamoDBConfig { RegionEndpoint = Endpoint(region) }));
    private readonly Lazy<AmazonSimpleSystemsManagementClient> _ssm = new(() =>
        new AmazonSimpleSystemsManagementClient(new AmazonSimpleSystemsManagementConfig { RegionEndpoint = Endpoint(region) }));

    private readonly Lazy<AmazonS3Client> _s3 = new(() => new AmazonS3Client(new AmazonS3Config { RegionEndpoint = Endpoint(region) }));

    public string Region => region;

    public IAmazonSQS Sqs => _sqs.Value;

    public IAmazonDynamoDB Dynamo => _dynamo.Value;

    public IAmazonSimpleSystemsManagement Ssm => _ssm.Value;

    public IAmazonS3 S3 => _s3.Value;

    private static RegionEndpoint Endpoint(string name) => RegionEndpoint.GetBySystemName(name);
}
