using System.Text.Json.Nodes;

namespace ServerlessDeploy.Dashboard.Ports;

/// <summary>What an app's source renders to at one revision, or why it could not be rendered.</summary>
public sealed record RenderedManifests(IReadOnlyList<JsonObject> Manifests, string? Error)
{
    public static RenderedManifests Of(IReadOnlyList<JsonObject> manifests) => new(manifests, null);

    public static RenderedManifests Failed(string error) => new([], error);
}
