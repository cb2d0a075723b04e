namespace ServerlessDeploy.Testing.Clusters;

/// <summary>One request a <see cref="NamespaceScopedCluster"/> saw: its verb, resource, namespace (null across all or cluster-scoped) and whether it was refused.</summary>
public sealed record ScopedRequest(string Verb, string Resource, string? Namespace, bool Refused);
