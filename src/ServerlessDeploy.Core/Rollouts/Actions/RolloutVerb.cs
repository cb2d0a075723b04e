using System.Text.Json.Serialization;

namespace ServerlessDeploy.Core.Rollouts;

/// <summary>What a person asks of a Rollout, as the Argo Rollouts kubectl plugin's commands name it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RolloutVerb>))]
public enum RolloutVerb
{
    /// <summary>`kubectl argo rollouts promote`: end the pause, or move on one step when not paused.</summary>
    Promote,

    /// <summary>`kubectl argo rollouts promote --full`: skip every step, pause and analysis left.</summary>
    PromoteFull,

    /// <summary>`kubectl argo rollouts abort`: back to the stable ReplicaSet.</summary>
    Abort,

    /// <summary>`kubectl argo rollouts retry rollout`: leave the aborted state and start the canary again.</summary>
    Retry,

    /// <summary>`kubectl argo rollouts pause`: spec.paused.</summary>
    Pause,

    /// <summary>Argo CD's Rollout action "resume": end any pause without moving on a step (the plugin has no resume verb).</summary>
    Resume,

    /// <summary>`kubectl argo rollouts restart`: restart the pods (spec.restartAt).</summary>
    Restart,
}
