using ServerlessDeploy.Core.Resources;

namespace ServerlessDeploy.Core.Rendering;

/// <summary>The rendered manifests, or the one error that stopped rendering (in the tool's own words).</summary>
public sealed record RenderResult(IReadOnlyList<Manifest> Manifests, string? Error)
{
    public bool Succeeded => Error is null;

    public static RenderResult Failed(string error) => new([], error);

    public static RenderResult Of(IReadOnlyList<Manifest> manifests) => new(manifests, null);
}
