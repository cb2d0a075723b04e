using ServerlessDeploy.Core.Resources;

namespace ServerlessDeploy.Dashboard.Resources;

/// <summary>
/// One resource as a page shows it: its live and desired manifests as YAML (null where there is none) and the unified diff
/// of the fields Git sets, all with Secret values already hidden. Built only by <see cref="ResourceComparisons"/>.
/// </summary>
public sealed record ResourceComparison(ResourceKey Key, ComparisonStatus Status, string? LiveYaml, string? DesiredYaml, string Diff);
