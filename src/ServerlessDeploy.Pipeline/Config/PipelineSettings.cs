namespace ServerlessDeploy.Pipeline.Config;

/// <summary>
/// Where the Applications live and how long things may take. The config repository holds Application manifests under
/// <see cref="AppsPath"/> and AppProjects under <see cref="ProjectsPath"/>, on <see cref="ConfigBranch"/>.
/// </summary>
/// <param name="ContinueAfter">How soon a health gate that ran past the invocation's deadline is looked at again (its wake-up's time).</param>
/// <param name="DeadlineMargin">Time kept back before the invocation deadline to record progress and answer.</param>
public sealed record PipelineSettings(
    string ConfigRepoUrl,
    string ConfigBranch = "main",
    string AppsPath = "apps",
    string ProjectsPath = "projects")
{
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromMinutes(15);

    public TimeSpan HealthTimeout { get; init; } = TimeSpan.FromMinutes(10);

    public TimeSpan DeadlineMargin { get; init; } = TimeSpan.FromSeconds(20);

    public TimeSpan ContinueAfter { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a carried-out request is remembered, so a redelivery never deploys twice (longer than any queue's retention).</summary>
    public TimeSpan IdempotencyWindow { get; init; } = TimeSpan.FromDays(15);

    /// <summary>How a reconcile tick fans out: one compare pass per cluster (and shard), or one request per app as before.</summary>
    public ReconcileFanOut ReconcileFanOut { get; init; } = ReconcileFanOut.Cluster;

    /// <summary>The most apps one compare pass compares; a cluster with more is split into shards, each a pass of its own.</summary>
    public int AppsPerComparePass { get; init; } = 1000;

    /// <summary>Hosts call this where they build the settings: one <see cref="ArgumentException"/> naming each bad value
    /// (see <see cref="PipelineSettingsRules"/>), so a misconfigured host stops at start-up, not at its first sync.</summary>
    public void Validate()
    {
        var problems = PipelineSettingsRules.Problems(this);
        if (problems.Count > 0)
        {
            throw new ArgumentException($"Invalid pipeline settings: {string.Join("; ", problems)}.");
        }
    }
}
