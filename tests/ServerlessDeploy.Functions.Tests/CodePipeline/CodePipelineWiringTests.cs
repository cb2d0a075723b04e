using ServerlessDeploy.Functions.Composition;
using ServerlessDeploy.Functions.Tests.Support;

namespace ServerlessDeploy.Functions.Tests.CodePipeline;

public sealed class CodePipelineWiringTests
{
    [Fact]
    public async Task The_codepipeline_handler_without_its_port_stops_the_function_with_an_init_error()
    {
        var ports = new FunctionPorts(_ => new InMemoryWebhookSecret(GitHubDeliveries.Secret), _ => new RecordingQueueSender(), _ => null);
        await using var function = new RunningFunction(Variables.Complete("codepipeline"), ports);

        var post = await function.WaitForFirstPostAsync();
        var (exitCode, _) = await function.StopAsync();

        Assert.Equal("/2018-06-01/runtime/init/error", post.Path);
        Assert.Equal("The codepipeline handler is not wired into this build yet.", post.ErrorMessage());
        Assert.Equal(1, exitCode);
    }
}
