namespace ServerlessDeploy.Core.Rollouts;

/// <summary>What kind of problem a Rollout field has.</summary>
internal enum RolloutFieldProblem
{
    /// <summary>A value Argo Rollouts or Kubernetes refuses, or a required field that is missing.</summary>
    Invalid,

    /// <summary>A field neither Argo Rollouts nor Kubernetes knows, as a strict apply refuses it.</summary>
    Unknown,

    /// <summary>A valid Argo Rollouts field this product does not drive yet: refused by name, never ignored.</summary>
    NotSupportedYet,
}

/// <summary>
/// Why a Rollout cannot be driven: the field, written as Kubernetes writes field paths
/// (<c>spec.strategy.canary.steps[1].setWeight</c>), and what is wrong with it, in Argo Rollouts' words where it has them.
/// </summary>
internal sealed record RolloutFieldError(string Field, string Message, RolloutFieldProblem Problem = RolloutFieldProblem.Invalid)
{
    public static RolloutFieldError NotSupportedYet(string field) => new(field, "is not supported yet", RolloutFieldProblem.NotSupportedYet);

    public static RolloutFieldError Unknown(string field) => new(field, "unknown field", RolloutFieldProblem.Unknown);

    public static RolloutFieldError Invalid(string field, string value, string why) => new(field, $"Invalid value: {value}: {why}");

    public override string ToString() => Problem == RolloutFieldProblem.NotSupportedYet ? $"{Field} {Message}" : $"{Field}: {Message}";
}
