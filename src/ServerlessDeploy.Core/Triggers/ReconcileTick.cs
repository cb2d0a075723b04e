namespace ServerlessDeploy.Core.Triggers;

/// <summary>The periodic reconcile schedule fired.</summary>
public sealed record ReconcileTick(DateTimeOffset Time) : Trigger;
