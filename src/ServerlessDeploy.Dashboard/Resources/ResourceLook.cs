namespace ServerlessDeploy.Dashboard.Resources;

/// <summary>One resource compared, with its health as the cluster shows it now (null when it has no live object) and what could not be read.</summary>
public sealed record ResourceLook(ResourceComparison Comparison, HealthLook? Health, IReadOnlyList<string> Problems);
