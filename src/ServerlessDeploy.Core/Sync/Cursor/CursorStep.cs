using System.Text.Json.Serialization;

namespace ServerlessDeploy.Core.Sync.Cursor;

/// <summary>
/// One step of a saved sync, in the order the cursor runs them. Each kind is its own type, so a new kind (set weight,
/// pause, analysis) is a new type and a new runner, not a branch in an old one. <see cref="PlanStep"/> is the index of
/// the plan's (phase, wave) step the cursor step belongs to.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(PruneStep), "prune")]
[JsonDerivedType(typeof(HookStep), "hook")]
[JsonDerivedType(typeof(ApplyStep), "apply")]
[JsonDerivedType(typeof(HealthGateStep), "healthGate")]
[JsonDerivedType(typeof(WaitUntilStep), "waitUntil")]
public abstract record CursorStep(int PlanStep, SyncPhase Phase, int Wave)
{
    public StepState State { get; init; } = StepState.Pending;

    /// <summary>When the step started and ended (null until then): the stage timestamps the dashboard shows.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>The step as a person reads it: "Sync/0 apply", "PreSync/-1 hook", "Sync/2 health".</summary>
    public abstract string Name { get; }
}

/// <summary>Deletes the wave's resources Git no longer has.</summary>
public sealed record PruneStep(int PlanStep, SyncPhase Phase, int Wave) : CursorStep(PlanStep, Phase, Wave)
{
    public override string Name => $"{Phase}/{Wave} prune";
}

/// <summary>Creates the wave's hooks (a wave of hooks only: PreSync, PostSync, or Sync hooks alone in their wave).</summary>
public sealed record HookStep(int PlanStep, SyncPhase Phase, int Wave) : CursorStep(PlanStep, Phase, Wave)
{
    public override string Name => $"{Phase}/{Wave} hook";
}

/// <summary>Applies the wave's kind groups in kind order (hooks among them are created).</summary>
public sealed record ApplyStep(int PlanStep, SyncPhase Phase, int Wave) : CursorStep(PlanStep, Phase, Wave)
{
    public override string Name => $"{Phase}/{Wave} apply";
}

/// <summary>Waits until what the wave applied is healthy (hooks: completed) before the next wave.</summary>
public sealed record HealthGateStep(int PlanStep, SyncPhase Phase, int Wave) : CursorStep(PlanStep, Phase, Wave)
{
    public override string Name => $"{Phase}/{Wave} health";
}

/// <summary>Waits until a point in time (a pause), without holding an invocation.</summary>
public sealed record WaitUntilStep(int PlanStep, SyncPhase Phase, int Wave, DateTimeOffset Until) : CursorStep(PlanStep, Phase, Wave)
{
    public override string Name => $"{Phase}/{Wave} wait until {Until:O}";
}
