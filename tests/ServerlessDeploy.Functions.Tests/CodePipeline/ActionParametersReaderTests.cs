using ServerlessDeploy.Functions.CodePipeline;

namespace ServerlessDeploy.Functions.Tests.CodePipeline;

public sealed class ActionParametersReaderTests
{
    [Theory]
    [InlineData("web", "web", null, null, false)]
    [InlineData("  web  ", "web", null, null, false)]
    [InlineData("""{"app": "web"}""", "web", null, null, false)]
    [InlineData("""{"app": "web", "revision": "v1.2.0"}""", "web", "v1.2.0", null, false)]
    [InlineData("""{"app": "web", "image": "123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1.4.2"}""", "web", null, "123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1.4.2", false)]
    [InlineData("""{"app": "web", "image": "registry:5000/web:2"}""", "web", null, "registry:5000/web:2", false)]
    [InlineData("""{"app": "web", "source": "git"}""", "web", null, null, false)]
    [InlineData("""{"app": "web", "source": "artifact", "revision": null}""", "web", null, null, true)]
    public void Valid_parameters_are_read(string text, string app, string? revision, string? image, bool fromArtifact) =>
        Assert.Equal(new ActionParameters(app, revision, image, fromArtifact), ActionParametersReader.Read(text, out _));

    [Theory]
    [InlineData(null, "UserParameters is empty; give the app to deploy, e.g. {\"app\": \"web\"}")]
    [InlineData("Web App", "UserParameters 'Web App' is neither JSON nor an app name")]
    [InlineData("{\"app\": ", "UserParameters is not valid JSON: ")]
    [InlineData("""{"revision": "v1"}""", "UserParameters: \"app\" must name the Application to deploy")]
    [InlineData("""{"app": 7}""", "UserParameters: \"app\" must be a string; \"app\" must name the Application to deploy")]
    [InlineData("""{"app": "web", "image": "registry:5000/web"}""", "UserParameters: \"image\" 'registry:5000/web' is not name:tag")]
    [InlineData("""{"app": "web", "source": "s3"}""", "UserParameters: \"source\" 's3' is neither git nor artifact")]
    [InlineData("""{"app": "web", "source": "artifact", "revision": "v1"}""", "UserParameters: \"revision\" cannot be given with \"source\": \"artifact\" (the artifact's revision is deployed)")]
    [InlineData("""{"app": "web", "tag": "1"}""", "UserParameters: unknown key(s) tag (known: app, revision, image, source)")]
    public void Invalid_parameters_are_refused_naming_the_problem(string? text, string expected)
    {
        Assert.Null(ActionParametersReader.Read(text, out var error));
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
    }
}
