using ServerlessDeploy.Core.Rollouts;

namespace ServerlessDeploy.Core.Triggers;

/// <summary>
/// Someone asked for an action on one of an application's Rollouts (the CLI's <c>--remote</c>): carried out by the
/// deployer under the app's lease, which then drives the Rollout at once; <see cref="Requester"/> is recorded as its initiator.
/// </summary>
public sealed record RolloutActionRequested(string App, string Namespace, string Rollout, RolloutVerb Action, string Requester) : Trigger
{
    /// <summary>For restart: how long after the action is applied the pods are restarted (`--in`); zero for at once.</summary>
    public TimeSpan RestartIn { get; init; }
}
