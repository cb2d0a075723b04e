using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using ServerlessDeploy.State;
using static ServerlessDeploy.Aws.State.DynamoKeys;

namespace ServerlessDeploy.Aws.State;

/// <summary>
/// An app's history: ids from an atomic counter (so never reused, even after the entries are gone), one item per entry,
/// and after each append the entries beyond <see cref="IStateWrites.HistoryLimit"/> deleted, oldest first.
/// </summary>
internal sealed class DynamoHistoryItems(IAmazonDynamoDB dynamo, string table)
{
    public async Task<HistoryEntry> AppendAsync(string app, HistoryEntry entry, CancellationToken cancellationToken)
    {
        var stored = entry with { Id = await NextIdAsync(app, cancellationToken) };
        var item = Key(AppPk(app), History(stored.Id));
        item[Data] = DynamoValues.S(JsonSerializer.Serialize(stored, DynamoStateJson.Default.HistoryEntry));
        await dynamo.PutItemAsync(new PutItemRequest { TableName = table, Item = item }, cancellationToken);
        await TrimAsync(app, cancellationToken);
        return stored;
    }

    /// <summary>Newest first; entries a concurrent append has not trimmed yet are left out by the limit.</summary>
    public async Task<IReadOnlyList<HistoryEntry>> ListAsync(string app, CancellationToken cancellationToken)
    {
        var request = NewestFirst(app);
        request.Limit = IStateWrites.HistoryLimit;
        var page = await dynamo.QueryAsync(request, cancellationToken);
        return [.. (page.Items ?? []).Select(item =>
            JsonSerializer.Deserialize(DynamoValues.String(item, Data), DynamoStateJson.Default.HistoryEntry)
            ?? throw new InvalidDataException($"A history item of app '{app}' holds JSON null."))];
    }

    private async Task<long> NextIdAsync(string app, CancellationToken cancellationToken)
    {
        var response = await dynamo.UpdateItemAsync(
            new UpdateItemRequest
            {
                TableName = table,
                Key = Key(AppPk(app), HistorySequenceSk),
                UpdateExpression = "ADD #seq :one",
                ExpressionAttributeNames = new() { ["#seq"] = Sequence },
                ExpressionAttributeValues = new() { [":one"] = DynamoValues.N(1) },
                ReturnValues = ReturnValue.UPDATED_NEW,
            },
            cancellationToken);
        return DynamoValues.Long(response.Attributes, Sequence);
    }

    private async Task TrimAsync(string app, CancellationToken cancellationToken)
    {
        var request = NewestFirst(app);
        request.ProjectionExpression = "#pk, #sk";
        var keys = await dynamo.AllPagesAsync(request, cancellationToken);
        foreach (var key in keys.Skip(IStateWrites.HistoryLimit))
        {
            await dynamo.DeleteItemAsync(new DeleteItemRequest { TableName = table, Key = key }, cancellationToken);
        }
    }

    private QueryRequest NewestFirst(string app) => new()
    {
        TableName = table,
        ConsistentRead = true,
        ScanIndexForward = false,
        KeyConditionExpression = "#pk = :pk AND begins_with(#sk, :prefix)",
        ExpressionAttributeNames = new() { ["#pk"] = Pk, ["#sk"] = Sk },
        ExpressionAttributeValues = new() { [":pk"] = DynamoValues.S(AppPk(app)), [":prefix"] = DynamoValues.S(HistoryPrefix) },
    };
}
