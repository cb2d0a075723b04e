using System.Text.Json;
using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Pipeline.Reconciling;

namespace ServerlessDeploy.Pipeline.Tests.Reconciling;

/// <summary>The compare pass on the deploy queue: its body read back as written, told apart from deploy requests, a bad one refused by name; and how apps are sharded.</summary>
public sealed class ComparePassRequestTests
{
    [Fact]
    public void A_pass_reads_back_as_it_was_written()
    {
        var pass = new ComparePassRequest("name:prod", 2, 3, "abc", new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero)) { ConfigCommit = "0123abcd" };

        Assert.Equal(pass, ComparePassJson.TryDeserialize(ComparePassJson.Serialize(pass)));
    }

    [Fact]
    public void A_continuation_reads_back_with_its_cursor_and_a_pass_written_before_cursors_still_reads()
    {
        var continuation = new ComparePassRequest("name:prod", 0, 1, "abc", new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero)) { After = "guestbook" };

        Assert.Equal(continuation, ComparePassJson.TryDeserialize(ComparePassJson.Serialize(continuation)));
        Assert.Null(ComparePassJson.TryDeserialize("""{"comparePass":{"cluster":"c","shard":0,"shards":1,"passId":"p"}}""")?.After);
    }

    [Theory]
    [InlineData("""{"comparePass":{"cluster":"c","shard":0,"shards":1,"passId":"p","after":""}}""", "compare pass: 'after', when given, names the last app")]
    [InlineData("""{"comparePass":{"cluster":"c","shard":0,"shards":1,"passId":"p","after":7}}""", "compare pass: 'after' is malformed")]
    [InlineData("""{"comparePass":{"cluster":"c","shard":"first","shards":1,"passId":"p"}}""", "compare pass: 'shard' is malformed")]
    public void A_pass_with_a_bad_field_is_refused_by_the_field_s_name(string body, string error) =>
        Assert.StartsWith(error, Assert.Throws<JsonException>(() => ComparePassJson.TryDeserialize(body)).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("""{"app":"guestbook","reason":"Reconcile","deploymentId":"d"}""")]
    [InlineData("""{"wakeUp":{"app":"a","cursorId":"c","stepIndex":0,"cursorVersion":1}}""")]
    [InlineData("not json")]
    public void A_body_that_is_not_a_pass_is_left_to_the_other_readers(string body) =>
        Assert.Null(ComparePassJson.TryDeserialize(body));

    [Theory]
    [InlineData("""{"comparePass":{"cluster":"","shard":0,"shards":1,"passId":"p"}}""")]
    [InlineData("""{"comparePass":{"cluster":"c","shard":1,"shards":1,"passId":"p"}}""")]
    [InlineData("""{"comparePass":{"cluster":"c","shard":0,"shards":0,"passId":"p"}}""")]
    [InlineData("""{"comparePass":{"cluster":"c","shard":0,"shards":1}}""")]
    public void A_malformed_pass_is_refused_naming_what_it_needs(string body)
    {
        var error = Assert.Throws<JsonException>(() => ComparePassJson.TryDeserialize(body));

        Assert.StartsWith("compare pass: it needs 'cluster', 'passId'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cluster_is_named_by_its_destination_name_else_its_server()
    {
        Assert.Equal("name:prod", ClusterShards.KeyOf(new ApplicationDestination("https://x", "prod", "ns")));
        Assert.Equal("server:https://kubernetes.default.svc", ClusterShards.KeyOf(new ApplicationDestination("https://kubernetes.default.svc", null, "ns")));
    }

    [Fact]
    public void Apps_spread_over_the_shards_a_cluster_needs_and_each_keeps_its_shard()
    {
        var apps = Enumerable.Range(0, 2500).Select(i => $"app-{i}").ToList();
        var shards = ClusterShards.CountFor(apps.Count, 1000);

        var sizes = apps.GroupBy(a => ClusterShards.ShardOf(a, shards)).Select(g => g.Count()).ToList();

        Assert.Equal(3, shards);
        Assert.Equal(3, sizes.Count);
        Assert.All(sizes, size => Assert.InRange(size, 700, 1000));
        Assert.Equal(ClusterShards.ShardOf("app-7", shards), ClusterShards.ShardOf("app-7", shards));
        Assert.Equal(1, ClusterShards.CountFor(0, 1000));
    }
}
