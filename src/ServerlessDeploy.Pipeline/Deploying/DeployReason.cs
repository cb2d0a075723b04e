namespace ServerlessDeploy.Pipeline.Deploying;

/// <summary>Why a deploy request was made; it decides whether automated sync must be on and which revision is deployed.</summary>
public enum DeployReason
{
    GitPush,
    ImagePush,
    Reconcile,
    Manual,
    Rollback,

    /// <summary>The Application is gone from the config repository (found by the reconcile tick).</summary>
    Removed,

    /// <summary>Someone asked for an action on one of its Rollouts (see <see cref="DeployRequest.RolloutAction"/>); nothing is synced.</summary>
    RolloutAction,
}
