using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using ServerlessDeploy.State;
using static ServerlessDeploy.Aws.State.DynamoKeys;

namespace ServerlessDeploy.Aws.State;

/// <summary>
/// Per-app leases, each taken, renewed or released with one conditional write so two deployers never both hold one.
/// An expired lease may linger until TTL removes it; it counts as free.
/// </summary>
internal sealed class DynamoLeaseItems(IAmazonDynamoDB dynamo, string table)
{
    public async Task<bool> TryAcquireAsync(string app, string owner, DateTimeOffset expiresAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var item = Key(AppPk(app), LeaseSk);
        item[Owner] = DynamoValues.S(owner);
        item[Until] = DynamoValues.Ticks(expiresAt);
        item[ExpiresAt] = DynamoValues.EpochSeconds(expiresAt);
        var request = new PutItemRequest
        {
            TableName = table,
            Item = item,
            ConditionExpression = "attribute_not_exists(#pk) OR #until <= :now OR #owner = :owner",
            ExpressionAttributeNames = new() { ["#pk"] = Pk, ["#until"] = Until, ["#owner"] = Owner },
            ExpressionAttributeValues = new() { [":now"] = DynamoValues.Ticks(now), [":owner"] = DynamoValues.S(owner) },
        };
        try
        {
            await dynamo.PutItemAsync(request, cancellationToken);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    public async Task ReleaseAsync(string app, string owner, CancellationToken cancellationToken)
    {
        var request = new DeleteItemRequest
        {
            TableName = table,
            Key = Key(AppPk(app), LeaseSk),
            ConditionExpression = "#owner = :owner",
            ExpressionAttributeNames = new() { ["#owner"] = Owner },
            ExpressionAttributeValues = new() { [":owner"] = DynamoValues.S(owner) },
        };
        try
        {
            await dynamo.DeleteItemAsync(request, cancellationToken);
        }
        catch (ConditionalCheckFailedException)
        {
            // Someone else holds the lease (or nobody does): releasing it is not ours to do.
        }
    }

    public async Task<Lease?> GetAsync(string app, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var response = await dynamo.GetItemAsync(
            new GetItemRequest { TableName = table, Key = Key(AppPk(app), LeaseSk), ConsistentRead = true },
            cancellationToken);
        if (response.Item is not { Count: > 0 } item)
        {
            return null;
        }

        var expiresAt = DynamoValues.Instant(item, Until);
        return expiresAt > now ? new Lease(app, DynamoValues.String(item, Owner), expiresAt) : null;
    }
}
