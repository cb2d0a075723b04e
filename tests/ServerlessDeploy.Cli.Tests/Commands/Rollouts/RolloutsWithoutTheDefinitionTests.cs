using ServerlessDeploy.Cli.Tests.Support;
using ServerlessDeploy.Testing.Clusters;

namespace ServerlessDeploy.Cli.Tests.Commands.Rollouts;

/// <summary>`sdeploy rollouts` on a cluster of its own that has no Rollout CRD: one error naming the missing kind.</summary>
public sealed class RolloutsWithoutTheDefinitionTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Theory]
    [InlineData("get")]
    [InlineData("promote")]
    public async Task A_cluster_that_serves_no_Rollout_kind_is_one_error_naming_it(string verb)
    {
        var run = await Sdeploy.RunAsync("rollouts", verb, "web", "-n", "default", "--kubeconfig", fixture.KubeconfigPath);

        Assert.Equal(1, run.Exit);
        Assert.Equal("", run.Output);
        Assert.Equal("error: the cluster serves no argoproj.io/v1alpha1 Rollout\n", run.Errors);
    }
}
