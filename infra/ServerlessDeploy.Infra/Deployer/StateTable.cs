using Amazon.CDK;
using Amazon.CDK.AWS.DynamoDB;
using Constructs;

namespace ServerlessDeploy.Infra.Deployer;

/// <summary>The deployer's state: status, history, image catalog and idempotency records (pk/sk, TTL on expiresAt).</summary>
public sealed class StateTable : Construct
{
    public Table Table { get; }

    public StateTable(Construct scope, string id) : base(scope, id)
    {
        Table = new Table(this, "Table", new TableProps
        {
            PartitionKey = new Amazon.CDK.AWS.DynamoDB.Attribute { Name = "pk", Type = AttributeType.STRING },
            SortKey = new Amazon.CDK.AWS.DynamoDB.Attribute { Name = "sk", Type = AttributeType.STRING },
            BillingMode = BillingMode.PAY_PER_REQUEST,
            PointInTimeRecovery = true,
            TimeToLiveAttribute = "expiresAt",
            Encryption = TableEncryption.AWS_MANAGED,
            RemovalPolicy = RemovalPolicy.RETAIN,
        });
    }
}
