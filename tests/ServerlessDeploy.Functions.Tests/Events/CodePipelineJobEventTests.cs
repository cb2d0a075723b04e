using System.Text;
using ServerlessDeploy.Functions.Tests.Support;
using ServerlessDeploy.Lambda.Runtime.Events;

namespace ServerlessDeploy.Functions.Tests.Events;

public sealed class CodePipelineJobEventTests
{
    [Fact]
    public void A_job_event_reads_its_id_parameters_artifacts_and_credentials()
    {
        var job = CodePipelineJobEvent.Parse(TestData.Bytes("testdata/codepipeline-job-artifact.json")).Job;

        Assert.Equal("55555555-abcd-5555-abcd-555555abcdef", job.Id);
        Assert.Equal("123456789012", job.AccountId);
        Assert.Equal("serverless-deploy-codepipeline", job.Data.ActionConfiguration.Configuration.FunctionName);
        Assert.Equal("""{"app": "{app}", "source": "artifact"}""", job.Data.ActionConfiguration.Configuration.UserParameters);
        var artifact = Assert.Single(job.Data.InputArtifacts);
        Assert.Equal("SourceArtifact", artifact.Name);
        Assert.Equal("9f1c2a7e5b3d4c6a8e0f1b2c3d4e5f60718293a4", artifact.Revision);
        Assert.Equal("S3", artifact.Location.Type);
        Assert.Equal(new CodePipelineS3Location("codepipeline-eu-west-1-123456789012", "web-pipeline/SourceArti/Xk3Lp9Q.zip"), artifact.Location.S3Location);
        Assert.Empty(job.Data.OutputArtifacts);
        Assert.Equal("ASIAJOBARTIFACTEXAMPLE", job.Data.ArtifactCredentials.AccessKeyId);
        Assert.Equal("jobArtifactSecret/K7MDENG/bPxRfiCYEXAMPLEKEY", job.Data.ArtifactCredentials.SecretAccessKey);
        Assert.StartsWith("IQoJb3JpZ2luX2VjEJOBARTIFACTSESSIONTOKENEXAMPLE", job.Data.ArtifactCredentials.SessionToken, StringComparison.Ordinal);
        Assert.Null(job.Data.ContinuationToken);
    }

    [Fact]
    public void A_continued_job_carries_its_continuation_token()
    {
        var job = CodePipelineJobEvent.Parse(TestData.Bytes("testdata/codepipeline-job-continued.json")).Job;

        Assert.Equal("4de2bb14aa5c91f6d6fa685c3bd469691ce7057f2cee637efba4620492654c31", job.Data.ContinuationToken);
    }

    [Fact]
    public void The_string_form_names_the_access_key_but_never_the_secret_key_or_session_token()
    {
        var parsed = CodePipelineJobEvent.Parse(TestData.Bytes("testdata/codepipeline-job-artifact.json"));
        var credentials = parsed.Job.Data.ArtifactCredentials;

        var text = parsed.ToString();

        Assert.Contains("AccessKeyId = ASIAJOBARTIFACTEXAMPLE, SecretAccessKey = ***, SessionToken = ***", text, StringComparison.Ordinal);
        Assert.DoesNotContain(credentials.SecretAccessKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain(credentials.SessionToken, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"id\"", "\"jobId\"", "'id'")]
    [InlineData("\"artifactCredentials\"", "\"credentials\"", "'artifactCredentials'")]
    [InlineData("\"bucketName\"", "\"bucket\"", "'bucketName'")]
    public void A_job_without_a_required_field_is_refused_naming_the_field(string field, string renamed, string named)
    {
        var json = TestData.Text("testdata/codepipeline-job-artifact.json").Replace(field, renamed, StringComparison.Ordinal);

        var error = Assert.Throws<LambdaEventFormatException>(() => CodePipelineJobEvent.Parse(Encoding.UTF8.GetBytes(json)));

        Assert.StartsWith("The event is not a CodePipeline job event", error.Message, StringComparison.Ordinal);
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_event_is_refused_naming_the_missing_job()
    {
        var error = Assert.Throws<LambdaEventFormatException>(() => CodePipelineJobEvent.Parse(TestData.Bytes("testdata/sqs-standard.json")));

        Assert.Contains("'CodePipeline.job'", error.Message, StringComparison.Ordinal);
    }
}
