namespace ServerlessDeploy.State;

/// <summary>
/// An app's or a resource's health as the state records it (Argo CD's health statuses). The engine's own enum lives in
/// Core, which a reader of the state should not need; the pipeline maps one to the other. Stored by name.
/// </summary>
public enum HealthCode
{
    Healthy,
    Suspended,
    Progressing,
    Missing,
    Degraded,
    Unknown,
}
