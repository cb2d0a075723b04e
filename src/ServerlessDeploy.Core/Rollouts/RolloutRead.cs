using System.Diagnostics.CodeAnalysis;

namespace ServerlessDeploy.Core.Rollouts;

/// <summary>A Rollout as read at load: its spec, or the one error that stops it from being applied.</summary>
internal sealed record RolloutRead(RolloutSpec? Spec, RolloutFieldError? Error)
{
    [MemberNotNullWhen(true, nameof(Spec))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsValid => Spec is not null && Error is null;

    public static RolloutRead Valid(RolloutSpec spec) => new(spec, null);

    public static RolloutRead Invalid(RolloutFieldError error) => new(null, error);
}
