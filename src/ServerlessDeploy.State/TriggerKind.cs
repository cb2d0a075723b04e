namespace ServerlessDeploy.State;

/// <summary>What started an operation, as the dashboard's timeline names it. Stored by name.</summary>
public enum TriggerKind
{
    GitPush,
    ImagePush,

    /// <summary>The reconcile tick (Argo CD's periodic refresh).</summary>
    Tick,
    Manual,
    Rollback,

    /// <summary>A CodePipeline action.</summary>
    Pipeline,
    RolloutAction,

    /// <summary>The Application left the config repository.</summary>
    Removed,
}
