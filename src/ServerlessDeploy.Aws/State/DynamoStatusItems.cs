using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using ServerlessDeploy.State;
using static ServerlessDeploy.Aws.State.DynamoKeys;

namespace ServerlessDeploy.Aws.State;

/// <summary>
/// App statuses of any size in items of at most 400 KB. A write stores the JSON's parts 1…n-1 under a fresh generation, then
/// moves the head (which holds part 0, the generation and the part count) in one put, then deletes the generation the head
/// named before. Parts are never rewritten, so a reader that finds every part of the head's generation has one whole write;
/// when a concurrent write deleted them first, it reads the new head again. Parts a crash leaves behind are deleted later
/// by <see cref="DynamoStaleParts"/>.
/// </summary>
internal sealed class DynamoStatusItems(IAmazonDynamoDB dynamo, string table)
{
    /// <summary>Bytes of JSON per item, leaving room under the 400 KB item limit for the keys and the other attributes.</summary>
    internal const int ChunkBytes = 350_000;

    private const int ReadAttempts = 10;

    private const int ConcurrentReads = 8;

    public async Task PutAsync(AppState state, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(state, DynamoStateJson.Default.AppState);
        var parts = Split(json);
        var generation = StatusGeneration(now);
        for (var index = 1; index < parts.Count; index++)
        {
            var part = Key(AppPk(state.App), StatusChunk(generation, index));
            part[Chunk] = DynamoValues.B(parts[index]);
            await dynamo.PutItemAsync(new PutItemRequest { TableName = table, Item = part }, cancellationToken);
        }

        var head = Key(AppPk(state.App), StatusSk);
        head[App] = DynamoValues.S(state.App);
        head[Generation] = DynamoValues.S(generation);
        head[Chunks] = DynamoValues.N(parts.Count);
        head[Chunk] = DynamoValues.B(parts[0]);
        var replaced = await dynamo.PutItemAsync(
            new PutItemRequest { TableName = table, Item = head, ReturnValues = ReturnValue.ALL_OLD },
            cancellationToken);
        if (replaced.Attributes is { Count: > 0 } previous)
        {
            await DeletePartsAsync(state.App, previous, cancellationToken);
        }
    }

    public async Task<AppState?> GetAsync(string app, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < ReadAttempts; attempt++)
        {
            var response = await dynamo.GetItemAsync(
                new GetItemRequest { TableName = table, Key = Key(AppPk(app), StatusSk), ConsistentRead = true },
                cancellationToken);
            if (response.Item is not { Count: > 0 } head)
            {
                return null;
            }

            if (await TryAssembleAsync(head, cancellationToken) is { } state)
            {
                return state;
            }
        }

        throw new InvalidOperationException($"The status of app '{app}' kept changing while it was read ({ReadAttempts} attempts).");
    }

    /// <summary>The statuses of <paramref name="apps"/> that have one, by name, read a few at a time.</summary>
    public async Task<IReadOnlyList<AppState>> GetAllAsync(IReadOnlyList<string> apps, CancellationToken cancellationToken)
    {
        var states = new AppState?[apps.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, apps.Count),
            new ParallelOptions { MaxDegreeOfParallelism = ConcurrentReads, CancellationToken = cancellationToken },
            async (index, token) => states[index] = await GetAsync(apps[index], token));
        return [.. states.OfType<AppState>().OrderBy(state => state.App, StringComparer.Ordinal)];
    }

    /// <summary>The status the head names, or null when some of its parts are gone (a newer write replaced them).</summary>
    private async Task<AppState?> TryAssembleAsync(Dictionary<string, AttributeValue> head, CancellationToken cancellationToken)
    {
        var count = DynamoValues.Long(head, Chunks);
        using var json = new MemoryStream();
        json.Write(DynamoValues.Bytes(head, Chunk));
        if (count > 1)
        {
            var app = DynamoValues.String(head, App);
            // Parts 1…n-1 in order: their sort keys are zero-padded.
            var parts = await dynamo.AllPagesAsync(PartsQuery(app, DynamoValues.String(head, Generation)), cancellationToken);
            if (parts.Count != count - 1)
            {
                return null;
            }

            foreach (var part in parts)
            {
                json.Write(DynamoValues.Bytes(part, Chunk));
            }
        }

        return JsonSerializer.Deserialize(json.GetBuffer().AsSpan(0, (int)json.Length), DynamoStateJson.Default.AppState)
            ?? throw new InvalidDataException($"The status item of app '{DynamoValues.String(head, App)}' holds JSON null.");
    }

    private async Task DeletePartsAsync(string app, Dictionary<string, AttributeValue> previousHead, CancellationToken cancellationToken)
    {
        var generation = DynamoValues.String(previousHead, Generation);
        var count = DynamoValues.Long(previousHead, Chunks);
        for (var index = 1; index < count; index++)
        {
            await dynamo.DeleteItemAsync(
                new DeleteItemRequest { TableName = table, Key = Key(AppPk(app), StatusChunk(generation, index)) },
                cancellationToken);
        }
    }

    private QueryRequest PartsQuery(string app, string generation) => new()
    {
        TableName = table,
        ConsistentRead = true,
        KeyConditionExpression = "#pk = :pk AND begins_with(#sk, :prefix)",
        ExpressionAttributeNames = new() { ["#pk"] = Pk, ["#sk"] = Sk },
        ExpressionAttributeValues = new()
        {
            [":pk"] = DynamoValues.S(AppPk(app)),
            [":prefix"] = DynamoValues.S(StatusChunkPrefix(generation)),
        },
    };

    private static List<ReadOnlyMemory<byte>> Split(byte[] json)
    {
        var parts = new List<ReadOnlyMemory<byte>>();
        for (var offset = 0; offset < json.Length || parts.Count == 0; offset += ChunkBytes)
        {
            parts.Add(json.AsMemory(offset, Math.Min(ChunkBytes, json.Length - offset)));
        }

        return parts;
    }
}
