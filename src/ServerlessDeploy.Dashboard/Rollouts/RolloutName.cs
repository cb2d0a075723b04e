namespace ServerlessDeploy.Dashboard.Rollouts;

/// <summary>One argoproj.io Rollout among an app's resources.</summary>
public sealed record RolloutName(string Namespace, string Name);
