namespace ServerlessDeploy.Core.Rollouts;

/// <summary>
/// Why a Rollout cannot be driven: the field, written as Kubernetes writes field paths
/// (<c>spec.strategy.canary.steps[1].setWeight</c>), and what is wrong with it, in Argo Rollouts' words where it has them.
/// </summary>
internal sealed record RolloutFieldError(string Field, string Message)
{
    public static RolloutFieldError NotSupportedYet(string field) => new(field, "is not supported yet");

    public static RolloutFieldError Unknown(string field) => new(field, "unknown field");

    public static RolloutFieldError Invalid(string field, string value, string why) => new(field, $"Invalid value: {value}: {why}");

    public override string ToString() => Message == "is not supported yet" ? $"{Field} {Message}" : $"{Field}: {Message}";
}
