using ServerlessDeploy.State;

namespace ServerlessDeploy.Dashboard.Timeline;

/// <summary>How the timeline names what started an operation.</summary>
public static class TriggerWords
{
    public static string Of(TriggerKind? trigger) => trigger switch
    {
        TriggerKind.GitPush => "Git push",
        TriggerKind.ImagePush => "ECR push",
        TriggerKind.Tick => "reconcile tick",
        TriggerKind.Manual => "manual sync",
        TriggerKind.Rollback => "rollback",
        TriggerKind.Pipeline => "CodePipeline",
        TriggerKind.RolloutAction => "Rollout action",
        TriggerKind.Removed => "removed from the config repository",
        _ => "trigger not recorded",
    };
}
