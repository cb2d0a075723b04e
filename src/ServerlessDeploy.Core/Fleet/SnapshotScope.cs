namespace ServerlessDeploy.Core.Fleet;

/// <summary>
/// How far the deployer may read a cluster: across all namespaces (a cluster-wide read access entry), or only in the
/// namespaces its apps deploy to, where each namespaced kind is listed once per namespace.
/// </summary>
public sealed record SnapshotScope(IReadOnlyList<string>? Namespaces)
{
    public static SnapshotScope ClusterWide { get; } = new((IReadOnlyList<string>?)null);

    public static SnapshotScope Within(IEnumerable<string> namespaces) => new(namespaces.Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList());

    public bool IsClusterWide => Namespaces is null;
}
