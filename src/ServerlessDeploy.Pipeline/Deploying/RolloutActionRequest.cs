using ServerlessDeploy.Core.Rollouts;

namespace ServerlessDeploy.Pipeline.Deploying;

/// <summary>The Rollout action a deploy request carries: which of the app's Rollouts, and what is asked of it.</summary>
public sealed record RolloutActionRequest(string Namespace, string Rollout, RolloutVerb Action)
{
    /// <summary>For restart: how long after the action is applied the pods are restarted; zero for at once.</summary>
    public TimeSpan RestartIn { get; init; }

    public string Id => $"{Namespace}/{Rollout}";
}
