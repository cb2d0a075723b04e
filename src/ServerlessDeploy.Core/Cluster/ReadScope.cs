namespace ServerlessDeploy.Core.Cluster;

/// <summary>
/// How far the deployer may read a cluster: across all namespaces (a cluster-wide read access entry), or only in
/// namespaces (the cluster's <c>clusterRead: false</c>), where each namespaced kind is listed once per namespace and
/// nothing cluster-scoped is read. A compare pass reads its apps' namespaces; one app reads its destination namespace
/// and the namespaces its render names (<see cref="With"/>).
/// </summary>
public sealed record ReadScope(IReadOnlyList<string>? Namespaces)
{
    public static ReadScope ClusterWide { get; } = new((IReadOnlyList<string>?)null);

    public static ReadScope Within(IEnumerable<string> namespaces) => new(namespaces.Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList());

    public bool IsClusterWide => Namespaces is null;

    /// <summary>This scope with <paramref name="namespaces"/> added; cluster-wide stays cluster-wide.</summary>
    public ReadScope With(IEnumerable<string> namespaces) => Namespaces is { } own ? Within(own.Concat(namespaces)) : this;

    /// <summary>Whether a namespace may be read: any when cluster-wide.</summary>
    public bool Includes(string ns) => Namespaces is null || Namespaces.Contains(ns, StringComparer.Ordinal);
}
