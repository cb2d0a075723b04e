using System.Text.Json;
using Amazon.CDK;
using Amazon.CDK.Assertions;
using ServerlessDeploy.Infra.Deployer;
using ServerlessDeploy.Infra.PipelineAction;
using ServerlessDeploy.Infra.Settings;

namespace ServerlessDeploy.Infra.Tests;

/// <summary>The deployer as a pipeline's Lambda invoke action, through the example pipeline stack.</summary>
public sealed class ExamplePipelineTests : IClassFixture<ExamplePipelineTests.PipelineFixture>
{
    public sealed class PipelineFixture : IDisposable
    {
        public PipelineFixture()
        {
            var context = StackFixture.FullContext(Code);
            context[InfraSettings.ExamplePipelineAppKey] = "shop";
            var app = new App(new AppProps { Context = context });
            StackSet.AddTo(app, InfraSettings.FromContext(app.Node), null, "shop");
            Deployer = (DeployerStack)app.Node.FindChild(StackSet.DeployerStackName);
            Template = Template.FromStack((Stack)app.Node.FindChild(StackSet.ExamplePipelineStackName));
        }

        public TestCode Code { get; } = new();
        public DeployerStack Deployer { get; }
        public Template Template { get; }

        public void Dispose() => Code.Dispose();
    }

    private readonly PipelineFixture _fixture;

    public ExamplePipelineTests(PipelineFixture fixture) => _fixture = fixture;

    private JsonElement Stage(string name) =>
        JsonSerializer.SerializeToElement(_fixture.Template.FindResources("AWS::CodePipeline::Pipeline")).EnumerateObject().Single().Value
            .GetProperty("Properties").GetProperty("Stages").EnumerateArray().Single(s => s.GetProperty("Name").GetString() == name);

    [Fact]
    public void The_last_stage_invokes_the_deployer_with_the_app_and_the_source_commit()
    {
        var action = Stage("Deploy").GetProperty("Actions").EnumerateArray().Single();
        Assert.Equal("Invoke", action.GetProperty("ActionTypeId").GetProperty("Category").GetString());
        Assert.Equal("Lambda", action.GetProperty("ActionTypeId").GetProperty("Provider").GetString());
        Assert.False(action.TryGetProperty("InputArtifacts", out _));
        var configuration = action.GetProperty("Configuration");
        Assert.Equal("""{"app":"shop","revision":"#{Source.CommitId}"}""", configuration.GetProperty("UserParameters").GetString());
        Assert.Contains("PipelineActionFunction", configuration.GetProperty("FunctionName").GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_source_is_the_config_repository_branch()
    {
        var action = Stage("Source").GetProperty("Actions").EnumerateArray().Single();
        Assert.Equal("CodeCommit", action.GetProperty("ActionTypeId").GetProperty("Provider").GetString());
        Assert.Equal("gitops-config", action.GetProperty("Configuration").GetProperty("RepositoryName").GetString());
        Assert.Equal("main", action.GetProperty("Configuration").GetProperty("BranchName").GetString());
    }

    [Fact]
    public void The_pipeline_has_no_star_outside_the_allow_list_and_the_deployer_may_report_job_results()
    {
        PolicyStatements.AssertNoWildcardOutsideTheAllowList(_fixture.Template);
        PolicyStatements.AssertNoWildcardOutsideTheAllowList(Template.FromStack(_fixture.Deployer));
        Assert.Contains(PolicyStatements.All(Template.FromStack(_fixture.Deployer)), s =>
            PolicyStatements.Actions(s.Statement).SequenceEqual(FunctionPermissions.PipelineJobResultActions));
    }

    [Fact]
    public void User_parameters_carry_the_app_and_only_the_optional_values_given()
    {
        var deployer = _fixture.Deployer.Functions.PipelineAction.Function;
        Assert.Equal(["app"], DeployerAction.UserParameters(new DeployerActionProps(deployer, "shop")).Keys);
        var withImage = DeployerAction.UserParameters(new DeployerActionProps(deployer, "shop") { Image = "shop/web:1.2.3" });
        Assert.Equal("shop/web:1.2.3", withImage["image"]);
        Assert.False(withImage.ContainsKey("revision"));
        var artifact = new Amazon.CDK.AWS.CodePipeline.Artifact_("Build");
        Assert.Equal("artifact", DeployerAction.UserParameters(new DeployerActionProps(deployer, "shop") { Input = artifact })["source"]);
        var both = Assert.Throws<ArgumentException>(() => DeployerAction.UserParameters(new DeployerActionProps(deployer, "shop") { Input = artifact, Revision = "abc" }));
        Assert.Contains("both an input artifact and a revision", both.Message, StringComparison.Ordinal);
    }
}
