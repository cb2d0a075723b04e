using ServerlessDeploy.State;

namespace ServerlessDeploy.Pipeline.Deploying;

/// <summary>What started a deploy request, in the timeline's words (a CodePipeline action is a manual request the action makes).</summary>
internal static class TriggerKinds
{
    public static TriggerKind Of(DeployRequest request) => request.Reason switch
    {
        DeployReason.GitPush => TriggerKind.GitPush,
        DeployReason.ImagePush => TriggerKind.ImagePush,
        DeployReason.Reconcile => TriggerKind.Tick,
        DeployReason.Rollback => TriggerKind.Rollback,
        DeployReason.Removed => TriggerKind.Removed,
        DeployReason.RolloutAction => TriggerKind.RolloutAction,
        _ when request.Initiator.StartsWith(CodePipelineInitiator, StringComparison.Ordinal) => TriggerKind.Pipeline,
        _ => TriggerKind.Manual,
    };

    /// <summary>How the CodePipeline function names itself as initiator (<c>codepipeline:&lt;job id&gt;</c>).</summary>
    private const string CodePipelineInitiator = "codepipeline:";
}
