using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Rendering.Cache;

namespace ServerlessDeploy.Core.Tests.Rendering.Cache;

public sealed class RenderCacheEntryTests
{
    [Fact]
    public void An_entry_is_the_manifests_objects_as_one_gzipped_json_array()
    {
        var entry = RenderCacheEntry.Encode([Manifests.ConfigMap("a"), Manifests.ConfigMap("b", "2")]);

        using var gzip = new GZipStream(new MemoryStream(entry), CompressionMode.Decompress);
        var expected = new JsonArray(Manifests.ConfigMap("a").Json, Manifests.ConfigMap("b", "2").Json);
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(gzip)));
    }

    [Fact]
    public void An_entry_reads_back_as_the_same_manifests()
    {
        var manifests = RenderCacheEntry.Decode(RenderCacheEntry.Encode([Manifests.ConfigMap("a"), Manifests.ConfigMap("b", "2")]));

        Assert.NotNull(manifests);
        Assert.Equal(["a", "b"], manifests.Select(m => m.Name));
        Assert.True(JsonNode.DeepEquals(Manifests.ConfigMap("b", "2").Json, manifests[1].Json));
        Assert.Equal("demo", manifests[0].Namespace);
    }

    [Fact]
    public void No_manifests_is_an_entry_too()
    {
        Assert.Equal([], RenderCacheEntry.Decode(RenderCacheEntry.Encode([])));
    }

    [Theory]
    [InlineData("{\"kind\":\"ConfigMap\"}")]
    [InlineData("[1, 2]")]
    [InlineData("[{\"apiVersion\":\"v1\"}]")]
    [InlineData("[{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\"}")]
    [InlineData("not json")]
    public void Gzipped_text_that_is_not_an_array_of_manifests_reads_as_nothing(string text)
    {
        Assert.Null(RenderCacheEntry.Decode(Gzip(text)));
    }

    [Fact]
    public void A_torn_entry_reads_as_nothing()
    {
        var whole = RenderCacheEntry.Encode([Manifests.ConfigMap("a"), Manifests.ConfigMap("b")]);

        Assert.Null(RenderCacheEntry.Decode(whole[..(whole.Length / 2)]));
        Assert.Null(RenderCacheEntry.Decode(Encoding.UTF8.GetBytes("[{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\"}]")));
    }

    private static byte[] Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return buffer.ToArray();
    }
}
