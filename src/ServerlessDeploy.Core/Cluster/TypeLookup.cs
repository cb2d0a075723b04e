namespace ServerlessDeploy.Core.Cluster;

/// <summary>
/// What discovery answered for one apiVersion and kind: the served type (null when not served), or why the API server
/// could not be read. An API server that is down or answers 5xx is expected, so it travels as a value.
/// </summary>
public sealed record TypeLookup(ClusterResourceType? Type, string? Unreadable)
{
    public static TypeLookup Found(ClusterResourceType? type) => new(type, null);

    public static TypeLookup Failed(string unreadable) => new(null, unreadable);
}
