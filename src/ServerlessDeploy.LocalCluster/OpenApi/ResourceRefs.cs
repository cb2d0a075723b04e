namespace ServerlessDeploy.LocalCluster.OpenApi;

/// <summary>The component references one resource's operations use: the kind, its list, and the meta types of deletes.</summary>
internal sealed record ResourceRefs(string Kind, string List, string Status, string DeleteOptions);
