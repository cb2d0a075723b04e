namespace ServerlessDeploy.ColdStart;

/// <summary>The cold-start times of one runtime and handler, in milliseconds, and their summary.</summary>
internal sealed record ColdStartTimes(IReadOnlyList<double> Milliseconds)
{
    public double Min => Milliseconds.Min();

    public double Median => Percentile(0.5);

    public double P90 => Percentile(0.9);

    /// <summary>Nearest-rank percentile.</summary>
    private double Percentile(double fraction)
    {
        var sorted = Milliseconds.Order().ToArray();
        var rank = (int)Math.Ceiling(fraction * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
