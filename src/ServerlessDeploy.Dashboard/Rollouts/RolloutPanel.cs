namespace ServerlessDeploy.Dashboard.Rollouts;

/// <summary>The app page's Rollouts panel: each Rollout among the app's resources, read live; empty when it has none.</summary>
public sealed record RolloutPanel(IReadOnlyList<RolloutReading> Rollouts);
