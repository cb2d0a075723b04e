using Amazon.CDK;
using Amazon.CDK.AWS.CodeCommit;
using Amazon.CDK.AWS.CodePipeline;
using Amazon.CDK.AWS.CodePipeline.Actions;
using Amazon.CDK.AWS.Lambda;
using Constructs;

namespace ServerlessDeploy.Infra.PipelineAction;

/// <summary>
/// An example of plugging the deployer into a pipeline: a CodeCommit source, then the deployer syncing one
/// application at the commit the source produced.
/// </summary>
public sealed class ExamplePipelineStack : Stack
{
    public Pipeline Pipeline { get; }

    public ExamplePipelineStack(Construct scope, string id, IFunction deployer, string app, string repositoryName, string branch, IStackProps? props = null)
        : base(scope, id, props)
    {
        var source = new Artifact_("Source");
        var checkout = new CodeCommitSourceAction(new CodeCommitSourceActionProps
        {
            ActionName = "Source",
            Repository = Repository.FromRepositoryName(this, "SourceRepository", repositoryName),
            Branch = branch,
            Output = source,
            VariablesNamespace = "Source",
        });
        Pipeline = new Pipeline(this, "Pipeline", new PipelineProps
        {
            PipelineType = PipelineType.V2,
            Stages = [new Amazon.CDK.AWS.CodePipeline.StageProps { StageName = "Source", Actions = [checkout] }],
        });
        // The deployer reads the commit from Git itself; the source artifact only starts the pipeline.
        DeployerAction.AddStage(Pipeline, new DeployerActionProps(deployer, app)
        {
            Revision = checkout.Variables.CommitId,
        });
    }
}
