using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using ServerlessDeploy.Core.Sync.Cursor;
using ServerlessDeploy.Pipeline.State;
using ServerlessDeploy.State;
using static ServerlessDeploy.Aws.State.DynamoKeys;

namespace ServerlessDeploy.Aws.State;

/// <summary>
/// The pipeline's state in the DynamoDB table of the CDK stack, one table for every record (layout in
/// <see cref="DynamoKeys"/>). Reads are strongly consistent; items past their expiry count as absent because TTL
/// deletion may lag by up to two days. The apps' sync cursors are items of the same table (<see cref="DynamoCursorItems"/>).
/// </summary>
public sealed class DynamoStateStore : IStateStore, ISyncCursors
{
    private readonly IAmazonDynamoDB _dynamo;
    private readonly string _table;
    private readonly TimeProvider _time;
    private readonly DynamoAppIndex _apps;
    private readonly DynamoStatusItems _statuses;
    private readonly DynamoStaleParts _staleParts;
    private readonly DynamoHistoryItems _history;
    private readonly DynamoLeaseItems _leases;
    private readonly DynamoCursorItems _cursors;

    public DynamoStateStore(IAmazonDynamoDB dynamo, string tableName, TimeProvider? time = null)
        : this(dynamo, tableName, time, appsPageSize: null)
    {
    }

    /// <param name="appsPageSize">Index items per query page when listing apps; null lets DynamoDB fill 1 MB pages.</param>
    internal DynamoStateStore(IAmazonDynamoDB dynamo, string tableName, TimeProvider? time, int? appsPageSize)
    {
        ArgumentNullException.ThrowIfNull(dynamo);
        ArgumentException.ThrowIfNullOrWhiteSpace(tableName);
        _dynamo = dynamo;
        _table = tableName;
        _time = time ?? TimeProvider.System;
        _apps = new DynamoAppIndex(dynamo, tableName, appsPageSize);
        _statuses = new DynamoStatusItems(dynamo, tableName);
        _staleParts = new DynamoStaleParts(dynamo, tableName);
        _history = new DynamoHistoryItems(dynamo, tableName);
        _leases = new DynamoLeaseItems(dynamo, tableName);
        _cursors = new DynamoCursorItems(dynamo, tableName);
    }

    public Task<AppState?> GetAppAsync(string app, CancellationToken cancellationToken) => _statuses.GetAsync(app, cancellationToken);

    /// <summary>Lists the app before its head exists, so no crash leaves a status unlisted; then clears what crashes left behind.</summary>
    public async Task PutAppAsync(AppState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var now = _time.GetUtcNow();
        await _apps.EnsureListedAsync(state.App, cancellationToken);
        await _statuses.PutAsync(state, now, cancellationToken);
        await _staleParts.DeleteAsync(state.App, now, cancellationToken);
    }

    public async Task<IReadOnlyList<AppState>> ListAppsAsync(CancellationToken cancellationToken) =>
        await _statuses.GetAllAsync(await _apps.ListAsync(cancellationToken), cancellationToken);

    /// <summary>
    /// A status is one JSON document split over items, so each is read whole and its resources dropped: the list costs
    /// the same reads as <see cref="ListAppsAsync"/>, and the caller gets no more than it asked for.
    /// </summary>
    public async Task<IReadOnlyList<AppState>> ListAppsWithoutResourcesAsync(CancellationToken cancellationToken) =>
        [.. (await ListAppsAsync(cancellationToken)).Select(state => state with { Resources = [] })];

    public Task<HistoryEntry> AppendHistoryAsync(string app, HistoryEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return _history.AppendAsync(app, entry, cancellationToken);
    }

    public Task<IReadOnlyList<HistoryEntry>> HistoryAsync(string app, CancellationToken cancellationToken) => _history.ListAsync(app, cancellationToken);

    public Task<bool> TryAcquireLeaseAsync(string app, string owner, DateTimeOffset expiresAt, DateTimeOffset now, CancellationToken cancellationToken) =>
        _leases.TryAcquireAsync(app, owner, expiresAt, now, cancellationToken);

    public Task ReleaseLeaseAsync(string app, string owner, CancellationToken cancellationToken) => _leases.ReleaseAsync(app, owner, cancellationToken);

    public Task<Lease?> GetLeaseAsync(string app, DateTimeOffset now, CancellationToken cancellationToken) => _leases.GetAsync(app, now, cancellationToken);

    public Task<SyncCursor?> GetCursorAsync(string app, CancellationToken cancellationToken) => _cursors.GetAsync(app, cancellationToken);

    public Task<bool> TryPutCursorAsync(SyncCursor cursor, long? expectedVersion, CancellationToken cancellationToken)
    {
        CursorWrites.Check(cursor, expectedVersion);
        return _cursors.TryPutAsync(cursor, expectedVersion, cancellationToken);
    }

    public async Task<bool> TryMarkDoneAsync(string key, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var item = Key(DonePk(key), DoneSk);
        item[Until] = DynamoValues.Ticks(expiresAt);
        item[ExpiresAt] = DynamoValues.EpochSeconds(expiresAt);
        var request = new PutItemRequest
        {
            TableName = _table,
            Item = item,
            ConditionExpression = "attribute_not_exists(#pk) OR #until <= :now",
            ExpressionAttributeNames = new() { ["#pk"] = Pk, ["#until"] = Until },
            ExpressionAttributeValues = new() { [":now"] = DynamoValues.Ticks(_time.GetUtcNow()) },
        };
        try
        {
            await _dynamo.PutItemAsync(request, cancellationToken);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    public async Task<bool> IsDoneAsync(string key, DateTimeOffset now, CancellationToken cancellationToken) =>
        await GetUnexpiredAsync(DonePk(key), DoneSk, now, cancellationToken) is not null;

    public async Task RecordDeliveryFailureAsync(DeliveryFailure failure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var item = Key(MessagePk(failure.MessageId), FailureSk);
        item[Data] = DynamoValues.S(JsonSerializer.Serialize(failure, DynamoStateJson.Default.DeliveryFailure));
        item[Until] = DynamoValues.Ticks(failure.ExpiresAt);
        item[ExpiresAt] = DynamoValues.EpochSeconds(failure.ExpiresAt);
        await _dynamo.PutItemAsync(new PutItemRequest { TableName = _table, Item = item }, cancellationToken);
    }

    public async Task<DeliveryFailure?> GetDeliveryFailureAsync(string messageId, CancellationToken cancellationToken)
    {
        var item = await GetUnexpiredAsync(MessagePk(messageId), FailureSk, _time.GetUtcNow(), cancellationToken);
        return item is null ? null : JsonSerializer.Deserialize(DynamoValues.String(item, Data), DynamoStateJson.Default.DeliveryFailure);
    }

    public async Task RecordImageAsync(CatalogImage image, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        var item = Key(ImagePk(image.Image), TagSk(image.Tag));
        item[Data] = DynamoValues.S(JsonSerializer.Serialize(image, DynamoStateJson.Default.CatalogImage));
        await _dynamo.PutItemAsync(new PutItemRequest { TableName = _table, Item = item }, cancellationToken);
    }

    public async Task<IReadOnlyList<CatalogImage>> ImagesAsync(string image, CancellationToken cancellationToken)
    {
        var items = await _dynamo.AllPagesAsync(
            new QueryRequest
            {
                TableName = _table,
                ConsistentRead = true,
                KeyConditionExpression = "#pk = :pk",
                ExpressionAttributeNames = new() { ["#pk"] = Pk },
                ExpressionAttributeValues = new() { [":pk"] = DynamoValues.S(ImagePk(image)) },
            },
            cancellationToken);
        return [.. items.Select(i => JsonSerializer.Deserialize(DynamoValues.String(i, Data), DynamoStateJson.Default.CatalogImage) ?? throw new InvalidDataException($"a catalog item of {image} holds null; the store writes only images"))];
    }

    private async Task<Dictionary<string, AttributeValue>?> GetUnexpiredAsync(string pk, string sk, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var response = await _dynamo.GetItemAsync(
            new GetItemRequest { TableName = _table, Key = Key(pk, sk), ConsistentRead = true },
            cancellationToken);
        return response.Item is { Count: > 0 } item && DynamoValues.Instant(item, Until) > now ? item : null;
    }
}
