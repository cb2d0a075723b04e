using System.Text.Json.Serialization;

namespace ServerlessDeploy.Core.Rollouts;

/// <summary>What a person asks of a Rollout: the Argo Rollouts kubectl plugin's verbs (see <see cref="RolloutActionNames"/>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RolloutActionKind>))]
public enum RolloutActionKind
{
    Promote,
    PromoteFull,
    Abort,
    Retry,
    Pause,
    Resume,
}
