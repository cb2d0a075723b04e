namespace ServerlessDeploy.Dashboard.Resources;

/// <summary>
/// An app's resources compared, Git against the cluster, ready to show: out-of-sync ones first. <see cref="Problems"/>
/// says what could not be read (the render, the cluster); the resources that could be are still there.
/// </summary>
public sealed record AppComparison(string Revision, IReadOnlyList<ResourceComparison> Resources, IReadOnlyList<string> Problems);
