using Amazon.DynamoDBv2.Model;
using ServerlessDeploy.Aws.State;
using ServerlessDeploy.Core.Sync.Cursor;
using ServerlessDeploy.Pipeline.State;
using ServerlessDeploy.State;
using ServerlessDeploy.State.Tests.Support;
using ServerlessDeploy.Testing.Dynamo;
using static ServerlessDeploy.State.Tests.Support.StateSamples;

namespace ServerlessDeploy.State.Tests;

/// <summary>The state store contract against <see cref="DynamoStateStore"/> on a real dynalite, plus its item layout.</summary>
public sealed class DynamoStateStoreTests(DynaliteFixture dynalite) : StateStoreContract, IClassFixture<DynaliteFixture>
{
    protected override IStateStore CreateStore() => new DynamoStateStore(dynalite.Client, DynaliteFixture.TableName, Clock);

    protected override ISyncCursors CreateCursors() => new DynamoStateStore(dynalite.Client, DynaliteFixture.TableName, Clock);

    protected override async Task<int> StatusItemCountAsync(string app) => (await StatusItemsAsync(app)).Count;

    protected override async Task WriteHistoryRowAsync(string app, long id, string json)
    {
        var item = Key(DynamoKeys.AppPk(app), DynamoKeys.History(id));
        item[DynamoKeys.Data] = new AttributeValue { S = json };
        await dynalite.Client.PutItemAsync(DynaliteFixture.TableName, item, Token);
    }

    [Fact]
    public async Task A_big_status_is_split_into_items_under_the_400_KB_limit()
    {
        var store = CreateStore();
        var state = Big(UniqueName("split"), "big");

        await store.PutAppAsync(state, Token);

        var items = await StatusItemsAsync(state.App);
        Assert.True(items.Count >= 2, $"expected the status in several items, found {items.Count}");
        Assert.All(items, item => Assert.True(item["chunk"].B.Length <= DynamoStatusItems.ChunkBytes));
        Assert.Equal(items.Count, int.Parse(items.Single(item => item["sk"].S == "STATUS")["chunks"].N, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Expired_items_that_TTL_has_not_removed_yet_count_as_absent()
    {
        var store = CreateStore();
        var app = UniqueName("ttl");
        var key = UniqueName("event");
        var now = Clock.GetUtcNow();
        Assert.True(await store.TryAcquireLeaseAsync(app, "deployer-1", now.AddMinutes(1), now, Token));
        Assert.True(await store.TryMarkDoneAsync(key, now.AddMinutes(1), Token));

        Clock.Advance(TimeSpan.FromMinutes(2));

        var lease = await dynalite.Client.GetItemAsync(DynaliteFixture.TableName, Key($"APP#{app}", "LEASE"), Token);
        Assert.Equal((now.AddMinutes(1)).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), lease.Item["expiresAt"].N);
        Assert.Null(await store.GetLeaseAsync(app, Clock.GetUtcNow(), Token));
        Assert.False(await store.IsDoneAsync(key, Clock.GetUtcNow(), Token));
    }

    [Fact]
    public async Task Parts_a_crash_left_without_a_head_are_never_read_and_deleted_by_the_first_write_once_abandoned()
    {
        var store = CreateStore();
        var app = UniqueName("crash");
        var committed = Big(app, "committed");
        await store.PutAppAsync(committed, Token);
        var abandoned = await WriteHeadlessPartsAsync(app, Clock.GetUtcNow());

        StateAssert.Equal(committed, await store.GetAppAsync(app, Token));
        var small = Small(app, "small");
        await store.PutAppAsync(small, Token);
        // Parts this young may still be a concurrent write's whose head has not moved: they stay.
        Assert.Equal(["STATUS", .. abandoned], await ScannedStatusKeysAsync(app));

        Clock.Advance(DynamoStaleParts.AbandonedAfter + TimeSpan.FromSeconds(1));
        StateAssert.Equal(small, await store.GetAppAsync(app, Token));
        StateAssert.Equal(small, Assert.Single(await store.ListAppsAsync(Token), state => state.App == app));
        var next = Big(app, "next");
        await store.PutAppAsync(next, Token);

        StateAssert.Equal(next, await store.GetAppAsync(app, Token));
        var left = await ScannedStatusKeysAsync(app);
        Assert.DoesNotContain(left, abandoned.Contains);
        var head = (await StatusItemsAsync(app)).Single(item => item["sk"].S == "STATUS");
        Assert.Equal(int.Parse(head["chunks"].N, System.Globalization.CultureInfo.InvariantCulture), left.Count);
    }

    [Fact]
    public async Task Apps_are_listed_across_query_pages_and_an_index_item_without_a_status_is_skipped()
    {
        var prefix = UniqueName("paged");
        var states = Enumerable.Range(0, 7).Select(index => Small($"{prefix}-{index}")).ToList();
        foreach (var state in states)
        {
            await CreateStore().PutAppAsync(state, Token);
        }

        await dynalite.Client.PutItemAsync(DynaliteFixture.TableName, Key("APPS", $"{prefix}-headless"), Token);
        var paged = new DynamoStateStore(dynalite.Client, DynaliteFixture.TableName, Clock, appsPageSize: 2);

        var listed = await paged.ListAppsAsync(Token);

        Assert.Equal(states.Select(state => state.App), listed.Select(state => state.App).Where(name => name.StartsWith(prefix, StringComparison.Ordinal)));
        Assert.Equal((await CreateStore().ListAppsAsync(Token)).Select(state => state.App), listed.Select(state => state.App));
    }

    [Fact]
    public async Task A_cursor_is_one_item_beside_the_status_with_its_version_and_its_JSON_as_a_string()
    {
        var cursor = CursorSamples.Cursor(UniqueName("cursor-item"), 12);

        Assert.True(await CreateCursors().TryPutCursorAsync(cursor, null, Token));

        var item = (await dynalite.Client.GetItemAsync(DynaliteFixture.TableName, Key($"APP#{cursor.App}", "CURSOR"), Token)).Item;
        Assert.Equal(["app", "data", "pk", "sk", "version"], item.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("12", item["version"].N);
        Assert.Equal(cursor.App, item["app"].S);
        Assert.Equal(SyncCursorJson.Serialize(cursor), item["data"].S);
    }

    [Fact]
    public async Task The_cursor_of_thousands_of_waves_is_stored_gzipped_far_under_the_item_limit()
    {
        var cursor = CursorSamples.Waves(UniqueName("cursor-gzip"), 1, 3_000);
        var json = System.Text.Encoding.UTF8.GetByteCount(SyncCursorJson.Serialize(cursor));

        Assert.True(await CreateCursors().TryPutCursorAsync(cursor, null, Token));

        var item = (await dynalite.Client.GetItemAsync(DynaliteFixture.TableName, Key($"APP#{cursor.App}", "CURSOR"), Token)).Item;
        Assert.False(item.ContainsKey("data"));
        var stored = item["dataGzip"].B.Length;
        Assert.True(json > 400 * 1024, $"the JSON of 9,000 steps takes {json} bytes");
        Assert.True(stored < 100 * 1024, $"gzipped, {json} bytes of JSON take {stored}");
    }

    [Fact]
    public async Task A_cursor_too_big_for_an_item_even_gzipped_is_refused_by_name_and_nothing_is_written()
    {
        var cursor = CursorSamples.Waves(UniqueName("cursor-huge"), 1, 20_000);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => CreateCursors().TryPutCursorAsync(cursor, null, Token));

        Assert.Contains($"app '{cursor.App}' (60000 steps)", error.Message, StringComparison.Ordinal);
        Assert.Null(await CreateCursors().GetCursorAsync(cursor.App, Token));
    }

    /// <summary>What a writer that died before moving the head leaves: the parts 1 and 2 of a generation no head names.</summary>
    private async Task<List<string>> WriteHeadlessPartsAsync(string app, DateTimeOffset writtenAt)
    {
        var generation = DynamoKeys.StatusGeneration(writtenAt);
        var keys = new List<string>();
        for (var index = 1; index <= 2; index++)
        {
            var item = Key($"APP#{app}", DynamoKeys.StatusChunk(generation, index));
            item["chunk"] = new AttributeValue { B = new MemoryStream(new byte[DynamoStatusItems.ChunkBytes]) };
            await dynalite.Client.PutItemAsync(DynaliteFixture.TableName, item, Token);
            keys.Add(item["sk"].S);
        }

        return keys;
    }

    /// <summary>The sort keys of the app's status items, found by scanning the whole table rather than by the store's own queries.</summary>
    private async Task<List<string>> ScannedStatusKeysAsync(string app)
    {
        var keys = new List<string>();
        var request = new ScanRequest
        {
            TableName = DynaliteFixture.TableName,
            ConsistentRead = true,
            FilterExpression = "pk = :pk AND begins_with(sk, :status)",
            ProjectionExpression = "sk",
            ExpressionAttributeValues = new() { [":pk"] = new AttributeValue { S = $"APP#{app}" }, [":status"] = new AttributeValue { S = "STATUS" } },
        };
        do
        {
            var page = await dynalite.Client.ScanAsync(request, Token);
            keys.AddRange((page.Items ?? []).Select(item => item["sk"].S));
            request.ExclusiveStartKey = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (request.ExclusiveStartKey is not null);

        return [.. keys.Order(StringComparer.Ordinal)];
    }

    private async Task<List<Dictionary<string, AttributeValue>>> StatusItemsAsync(string app)
    {
        var response = await dynalite.Client.QueryAsync(
            new QueryRequest
            {
                TableName = DynaliteFixture.TableName,
                ConsistentRead = true,
                KeyConditionExpression = "pk = :pk AND begins_with(sk, :status)",
                ExpressionAttributeValues = new() { [":pk"] = new AttributeValue { S = $"APP#{app}" }, [":status"] = new AttributeValue { S = "STATUS" } },
            },
            Token);
        return response.Items ?? [];
    }

    private static Dictionary<string, AttributeValue> Key(string pk, string sk) =>
        new() { ["pk"] = new AttributeValue { S = pk }, ["sk"] = new AttributeValue { S = sk } };
}
