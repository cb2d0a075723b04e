namespace ServerlessDeploy.Core.Health;

/// <summary>An application's health, as Argo CD computes it: the worst health among its resources.</summary>
public static class HealthAggregate
{
    /// <summary>
    /// The worst of <paramref name="results"/>; the first resource with that status gives the message. Resources
    /// without a health of their own (null) do not count; no resources at all is Healthy.
    /// </summary>
    public static HealthResult Worst(IEnumerable<HealthResult?> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var worst = HealthResult.Healthy();
        foreach (var result in results)
        {
            if (result is not null && result.Status > worst.Status)
            {
                worst = result;
            }
        }

        return worst;
    }
}
