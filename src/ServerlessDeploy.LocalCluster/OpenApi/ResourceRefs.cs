namespace ServerlessDeploy.LocalCluster.OpenApi;

/// <summary>The component references one resource's operations use: the kind, its list, the meta types of deletes, and the Scale when the kind has a scale subresource.</summary>
internal sealed record ResourceRefs(string Kind, string List, string Status, string DeleteOptions, string? Scale = null);
