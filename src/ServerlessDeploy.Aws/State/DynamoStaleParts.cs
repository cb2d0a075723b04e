using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using static ServerlessDeploy.Aws.State.DynamoKeys;

namespace ServerlessDeploy.Aws.State;

/// <summary>
/// Deletes status parts that no head will ever name: those of a write that died between its parts and its head, and
/// those of a replaced generation whose deletion a crash cut short. A generation counts as abandoned once it is older
/// than <see cref="AbandonedAfter"/>; a younger one may belong to a concurrent write whose head has not moved yet.
/// </summary>
internal sealed class DynamoStaleParts(IAmazonDynamoDB dynamo, string table)
{
    /// <summary>
    /// Far longer than any write takes from its first part to its head (a Lambda invocation ends within 15 minutes),
    /// so a paused writer is not robbed of its parts; a day of leftover parts costs next to nothing.
    /// </summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromDays(1);

    /// <summary>
    /// Deletes the app's parts of generations written before <paramref name="now"/> minus <see cref="AbandonedAfter"/>;
    /// the head's generation is younger (the head moved after it was written), and the head itself sorts before every part.
    /// </summary>
    public async Task DeleteAsync(string app, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Eventually consistent is enough (and half the price): parts a day old are on every replica.
        var stale = await dynamo.AllPagesAsync(
            new QueryRequest
            {
                TableName = table,
                KeyConditionExpression = "#pk = :pk AND #sk BETWEEN :first AND :before",
                ProjectionExpression = "#pk, #sk",
                ExpressionAttributeNames = new() { ["#pk"] = Pk, ["#sk"] = Sk },
                ExpressionAttributeValues = new()
                {
                    [":pk"] = DynamoValues.S(AppPk(app)),
                    [":first"] = DynamoValues.S(FirstStatusChunk),
                    [":before"] = DynamoValues.S(StatusChunksBefore(now - AbandonedAfter)),
                },
            },
            cancellationToken);
        foreach (var key in stale)
        {
            await dynamo.DeleteItemAsync(new DeleteItemRequest { TableName = table, Key = key }, cancellationToken);
        }
    }
}
