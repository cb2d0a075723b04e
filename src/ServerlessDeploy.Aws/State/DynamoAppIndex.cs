using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using static ServerlessDeploy.Aws.State.DynamoKeys;

namespace ServerlessDeploy.Aws.State;

/// <summary>
/// The names of the apps with a status, one keys-only item each in the <see cref="AppsPk"/> partition, so listing apps
/// is one query instead of a scan of the whole table. An app's item is written before its first status head, so every
/// head is listed; an item whose head a crash never wrote names an app without status, which the listing skips.
/// </summary>
internal sealed class DynamoAppIndex(IAmazonDynamoDB dynamo, string table, int? pageSize)
{
    public async Task EnsureListedAsync(string app, CancellationToken cancellationToken)
    {
        // Eventually consistent is enough: index items are never deleted, so a stale read costs one more put at worst.
        var response = await dynamo.GetItemAsync(new GetItemRequest { TableName = table, Key = Key(AppsPk, app) }, cancellationToken);
        if (response.Item is not { Count: > 0 })
        {
            await dynamo.PutItemAsync(new PutItemRequest { TableName = table, Item = Key(AppsPk, app) }, cancellationToken);
        }
    }

    /// <summary>Every listed app's name, in sort key order.</summary>
    public async Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken)
    {
        var items = await dynamo.AllPagesAsync(
            new QueryRequest
            {
                TableName = table,
                ConsistentRead = true,
                Limit = pageSize,
                KeyConditionExpression = "#pk = :pk",
                ExpressionAttributeNames = new() { ["#pk"] = Pk },
                ExpressionAttributeValues = new() { [":pk"] = DynamoValues.S(AppsPk) },
            },
            cancellationToken);
        return [.. items.Select(item => DynamoValues.String(item, Sk))];
    }
}
