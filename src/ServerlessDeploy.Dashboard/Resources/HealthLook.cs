using ServerlessDeploy.State;

namespace ServerlessDeploy.Dashboard.Resources;

/// <summary>A health code with Argo CD's message for it.</summary>
public sealed record HealthLook(HealthCode Code, string Message);
