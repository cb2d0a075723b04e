using ServerlessDeploy.Core.Rendering;
using ServerlessDeploy.Core.Rendering.Cache;

namespace ServerlessDeploy.Core.Tests.Rendering.Cache;

public sealed class CachedRendersTests
{
    private const string Commit = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";
    private const string Tools = "helm 4.1; kubectl 1.34";
    private int _checkouts;

    [Fact]
    public async Task A_miss_checks_out_renders_and_stores_and_the_next_render_is_a_hit_without_either()
    {
        var renderer = new CountingRenderer(RenderResult.Of([Manifests.ConfigMap("a"), Manifests.ConfigMap("b", "2")]));
        var cache = new MemoryRenderCache();
        var renders = new CachedRenders(renderer, cache, Tools);

        var miss = await renders.RenderAsync(Apps.Read(), Commit, ["nginx:1.27"], CheckoutAsync, CancellationToken.None);
        var hit = await renders.RenderAsync(Apps.Read(), Commit, ["nginx:1.27"], CheckoutAsync, CancellationToken.None);

        Assert.False(miss.Hit);
        Assert.True(hit.Hit);
        Assert.Equal(1, _checkouts);
        var request = Assert.Single(renderer.Requests);
        Assert.Equal("/checkouts/guestbook", request.RepositoryRoot);
        Assert.Equal(["nginx:1.27"], request.ImageOverrides);
        Assert.Single(cache.Entries);
        Assert.True(hit.Result.Succeeded);
        Assert.Equal(["a", "b"], hit.Result.Manifests.Select(m => m.Name));
        Assert.Equal("2", hit.Result.Manifests[1].Json["data"]?["value"]?.ToString());
        Assert.Null(miss.CacheProblem);
        Assert.Null(hit.CacheProblem);
    }

    [Fact]
    public async Task Another_commit_is_a_miss()
    {
        var renderer = new CountingRenderer(RenderResult.Of([Manifests.ConfigMap("a")]));
        var renders = new CachedRenders(renderer, new MemoryRenderCache(), Tools);

        await renders.RenderAsync(Apps.Read(), Commit, [], CheckoutAsync, CancellationToken.None);
        var other = await renders.RenderAsync(Apps.Read(), "0000000000000000000000000000000000000000", [], CheckoutAsync, CancellationToken.None);

        Assert.False(other.Hit);
        Assert.Equal(2, renderer.Requests.Count);
    }

    [Fact]
    public async Task A_failed_render_is_not_stored_and_is_rendered_again()
    {
        var renderer = new CountingRenderer(RenderResult.Failed("guestbook: helm template failed: boom"));
        var cache = new MemoryRenderCache();
        var renders = new CachedRenders(renderer, cache, Tools);

        var first = await renders.RenderAsync(Apps.Read(), Commit, [], CheckoutAsync, CancellationToken.None);
        var second = await renders.RenderAsync(Apps.Read(), Commit, [], CheckoutAsync, CancellationToken.None);

        Assert.Equal("guestbook: helm template failed: boom", first.Result.Error);
        Assert.False(second.Hit);
        Assert.Equal(2, renderer.Requests.Count);
        Assert.Empty(cache.Entries);
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0x1f, 0x8b, 0x08, 0x00 })]
    [InlineData(new byte[] { (byte)'[', (byte)'{', (byte)'}', (byte)']' })]
    public async Task An_entry_that_cannot_be_read_is_a_miss_and_is_written_anew(byte[] torn)
    {
        var renderer = new CountingRenderer(RenderResult.Of([Manifests.ConfigMap("a")]));
        var cache = new MemoryRenderCache();
        var renders = new CachedRenders(renderer, cache, Tools);
        var key = RenderCacheKey.Of(Apps.Read(), Commit, [], Tools);
        cache.Entries[key.Value] = torn;

        var render = await renders.RenderAsync(Apps.Read(), Commit, [], CheckoutAsync, CancellationToken.None);

        Assert.False(render.Hit);
        Assert.True(render.Result.Succeeded);
        Assert.Null(render.CacheProblem);
        Assert.Equal(["a"], RenderCacheEntry.Decode(cache.Entries[key.Value])?.Select(m => m.Name));
    }

    [Fact]
    public async Task A_cache_that_cannot_be_written_fails_no_render_and_says_why()
    {
        var renders = new CachedRenders(new CountingRenderer(RenderResult.Of([Manifests.ConfigMap("a")])), new BrokenRenderCache(reads: true, writes: false), Tools);

        var render = await renders.RenderAsync(Apps.Read(), Commit, [], CheckoutAsync, CancellationToken.None);

        Assert.True(render.Result.Succeeded);
        Assert.Equal("a", Assert.Single(render.Result.Manifests).Name);
        Assert.Equal("the render could not be stored in the render cache (disk full)", render.CacheProblem);
    }

    [Fact]
    public async Task A_cache_that_cannot_be_read_is_a_miss_that_says_why()
    {
        var renders = new CachedRenders(new CountingRenderer(RenderResult.Of([Manifests.ConfigMap("a")])), new BrokenRenderCache(reads: false, writes: true), Tools);

        var render = await renders.RenderAsync(Apps.Read(), Commit, [], CheckoutAsync, CancellationToken.None);

        Assert.False(render.Hit);
        Assert.True(render.Result.Succeeded);
        Assert.Equal("the render cache could not be read (bucket unreachable); rendered instead", render.CacheProblem);
    }

    [Fact]
    public async Task A_revision_that_names_no_commit_is_rendered_every_time_and_never_stored()
    {
        var renderer = new CountingRenderer(RenderResult.Of([Manifests.ConfigMap("a")]));
        var cache = new BrokenRenderCache(reads: true, writes: true);
        var renders = new CachedRenders(renderer, cache, Tools);

        await renders.RenderAsync(Apps.Read(), "", [], CheckoutAsync, CancellationToken.None);
        var second = await renders.RenderAsync(Apps.Read(), "", [], CheckoutAsync, CancellationToken.None);

        Assert.False(second.Hit);
        Assert.Equal(2, renderer.Requests.Count);
        Assert.Equal(0, cache.Puts);
    }

    [Fact]
    public async Task A_hit_gives_manifests_of_its_own_that_a_caller_may_change()
    {
        var renders = new CachedRenders(new CountingRenderer(RenderResult.Of([Manifests.ConfigMap("a")])), new MemoryRenderCache(), Tools);
        await renders.RenderAsync(Apps.Read(), Commit, [], CheckoutAsync, CancellationToken.None);

        var first = await renders.RenderAsync(Apps.Read(), Commit, [], CheckoutAsync, CancellationToken.None);
        first.Result.Manifests[0].Json["data"] = null;
        var second = await renders.RenderAsync(Apps.Read(), Commit, [], CheckoutAsync, CancellationToken.None);

        Assert.Equal("1", second.Result.Manifests[0].Json["data"]?["value"]?.ToString());
    }

    [Fact]
    public async Task No_render_cache_always_misses()
    {
        var renderer = new CountingRenderer(RenderResult.Of([Manifests.ConfigMap("a")]));
        var renders = new CachedRenders(renderer, new NoRenderCache(), Tools);

        await renders.RenderAsync(Apps.Read(), Commit, [], CheckoutAsync, CancellationToken.None);
        var second = await renders.RenderAsync(Apps.Read(), Commit, [], CheckoutAsync, CancellationToken.None);

        Assert.False(second.Hit);
        Assert.Equal(2, renderer.Requests.Count);
    }

    private Task<string> CheckoutAsync(CancellationToken cancellationToken)
    {
        _checkouts++;
        return Task.FromResult("/checkouts/guestbook");
    }
}
