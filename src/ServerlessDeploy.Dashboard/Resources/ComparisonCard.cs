namespace ServerlessDeploy.Dashboard.Resources;

/// <summary>One resource's diff on a page, open when it is worth reading at once.</summary>
public sealed record ComparisonCard(string App, ResourceComparison Comparison)
{
    public bool Open => Comparison.Status is not ComparisonStatus.Synced;
}
