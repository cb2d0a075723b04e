namespace ServerlessDeploy.Core.Rollouts;

/// <summary>One step of spec.strategy.canary.steps.</summary>
internal abstract record CanaryStep;

/// <summary><c>setWeight: N</c>: the canary gets N % of the replicas (no traffic router: weight is a replica ratio).</summary>
internal sealed record SetWeightStep(int Weight) : CanaryStep;

/// <summary><c>pause: {}</c> waits for a person (Duration null); <c>pause: {duration: …}</c> waits that long.</summary>
internal sealed record PauseStep(TimeSpan? Duration) : CanaryStep
{
    public bool Indefinite => Duration is null;
}
