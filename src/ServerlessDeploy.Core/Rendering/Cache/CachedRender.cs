namespace ServerlessDeploy.Core.Rendering.Cache;

/// <summary>A render through the cache: its result, and whether it came from the cache (no checkout, no render).</summary>
public sealed record CachedRender(RenderResult Result, bool Hit)
{
    /// <summary>Why the cache could not be read or written, when it could not; the render stands all the same.</summary>
    public string? CacheProblem { get; init; }
}
