namespace ServerlessDeploy.Core.Cluster;

/// <summary>The types discovery found (empty when it failed), or why the API server could not be read.</summary>
public sealed record ServedTypes(IReadOnlyList<ClusterResourceType> Types, string? Unreadable)
{
    public static ServedTypes Failed(string unreadable) => new([], unreadable);
}
