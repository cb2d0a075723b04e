using Amazon.CDK;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.IAM;
using Constructs;

namespace ServerlessDeploy.Infra.Deployer;

/// <summary>The deployer's state: status, history, image catalog and idempotency records (pk/sk, TTL on expiresAt).</summary>
public sealed class StateTable : Construct
{
    /// <summary>
    /// Exactly the calls the DynamoDB state store makes: single items, the history counter's update and key-condition
    /// queries; no scan, batch or stream actions.
    /// </summary>
    public static readonly string[] StoreActions = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:Query"];

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

    /// <summary>Lets <paramref name="grantee"/> use the table through the state store, and nothing more.</summary>
    public void GrantStore(IGrantable grantee) => Table.Grant(grantee, StoreActions);
}
