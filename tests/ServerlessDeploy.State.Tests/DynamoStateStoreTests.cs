using Amazon.DynamoDBv2.Model;
using ServerlessDeploy.Aws.State;
using ServerlessDeploy.Pipeline.State;
using ServerlessDeploy.State.Tests.Support;
using static ServerlessDeploy.State.Tests.Support.StateSamples;

namespace ServerlessDeploy.State.Tests;

/// <summary>The state store contract against <see cref="DynamoStateStore"/> on a real dynalite, plus its item layout.</summary>
public sealed class DynamoStateStoreTests(DynaliteFixture dynalite) : StateStoreContract, IClassFixture<DynaliteFixture>
{
    protected override IStateStore CreateStore() => new DynamoStateStore(dynalite.Client, DynaliteFixture.TableName, Clock);

    protected override async Task<int> StatusItemCountAsync(string app) => (await StatusItemsAsync(app)).Count;

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
