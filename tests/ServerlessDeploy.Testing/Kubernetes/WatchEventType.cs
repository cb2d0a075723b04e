namespace ServerlessDeploy.Testing.Kubernetes;

/// <summary>The type of a watch event, as KubernetesClient named it before KubernetesClient.Aot left watches out.</summary>
public enum WatchEventType
{
    Added,
    Modified,
    Deleted,
    Error,
    Bookmark,
}
