using Amazon.CDK.AWS.CodePipeline;
using Amazon.CDK.AWS.CodePipeline.Actions;
using Amazon.CDK.AWS.Lambda;

namespace ServerlessDeploy.Infra.PipelineAction;

/// <summary>
/// What a pipeline asks the deployer to sync: the application, and optionally the image or Git revision.
/// <paramref name="Deployer"/> is the CodePipeline action function (the PipelineActionFunctionArn output).
/// </summary>
public sealed record DeployerActionProps(IFunction Deployer, string App)
{
    public string ActionName { get; init; } = "Deploy";
    public string? Image { get; init; }
    public string? Revision { get; init; }

    /// <summary>The artifact holding the app's source, when the pipeline (not Git) is where it comes from.</summary>
    public Artifact_? Input { get; init; }
}

/// <summary>
/// The deployer as a CodePipeline Lambda invoke action. The handler reads <c>UserParameters</c>
/// (<c>{"app", "image"?, "revision"?, "source"?}</c>), syncs, and reports the job's result itself; with an input
/// artifact, <c>"source": "artifact"</c> makes it deploy the artifact's files instead of Git.
/// </summary>
public static class DeployerAction
{
    public static LambdaInvokeAction Create(DeployerActionProps props)
    {
        ArgumentNullException.ThrowIfNull(props);
        return new LambdaInvokeAction(new LambdaInvokeActionProps
        {
            ActionName = props.ActionName,
            Lambda = props.Deployer,
            UserParameters = UserParameters(props),
            Inputs = props.Input is null ? null : [props.Input],
        });
    }

    /// <summary>The action's <c>UserParameters</c>: the app, and the image and revision only when given.</summary>
    public static Dictionary<string, object> UserParameters(DeployerActionProps props)
    {
        ArgumentNullException.ThrowIfNull(props);
        ArgumentException.ThrowIfNullOrWhiteSpace(props.App);
        if (props.Input is not null && props.Revision is not null)
        {
            throw new ArgumentException($"the deploy action for '{props.App}' has both an input artifact and a revision: the artifact is the revision", nameof(props));
        }

        var parameters = new Dictionary<string, object> { ["app"] = props.App };
        if (props.Image is { } image)
        {
            parameters["image"] = image;
        }
        if (props.Revision is { } revision)
        {
            parameters["revision"] = revision;
        }
        if (props.Input is not null)
        {
            parameters["source"] = "artifact";
        }
        return parameters;
    }

    /// <summary>Adds the action as its own stage named <paramref name="stageName"/> at the end of <paramref name="pipeline"/>.</summary>
    public static IStage AddStage(Pipeline pipeline, DeployerActionProps props, string stageName = "Deploy")
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        return pipeline.AddStage(new StageOptions { StageName = stageName, Actions = [Create(props)] });
    }
}
