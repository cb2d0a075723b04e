using ServerlessDeploy.Core.Rollouts;

namespace ServerlessDeploy.Pipeline.Deploying;

/// <summary>The Rollout action a deploy request carries: which of the app's Rollouts, and what is asked of it.</summary>
public sealed record RolloutActionRequest(string Namespace, string Rollout, RolloutVerb Action)
{
    public string Id => $"{Namespace}/{Rollout}";
}
