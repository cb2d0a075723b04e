using k8s;
using k8s.Models;

namespace ServerlessDeploy.LocalCluster.Tests.Controllers;

public sealed class JobSimulationTests
{
    private const string Ns = SimulatedCluster.Namespace;

    [Fact]
    public async Task A_job_completes_with_its_completions_succeeded()
    {
        await using var cluster = await SimulatedCluster.StartAsync();
        await cluster.CreateAsync("job.yaml");

        var (exitCode, output) = await cluster.KubectlAsync("wait", "--for=condition=complete", "job/migrate", "-n", Ns, "--timeout=30s");
        var job = await cluster.Client.BatchV1.ReadNamespacedJobAsync("migrate", Ns);

        Assert.True(exitCode == 0, output);
        Assert.Equal(3, job.Status.Succeeded);
        Assert.Null(job.Status.Active);
        Assert.NotNull(job.Status.StartTime);
        Assert.NotNull(job.Status.CompletionTime);
        Assert.Equal(["SuccessCriteriaMet", "Complete"], job.Status.Conditions.Select(c => c.Type));
        Assert.All(job.Status.Conditions, c => Assert.Equal(("True", "CompletionsReached"), (c.Status, c.Reason)));
    }

    [Fact]
    public async Task A_job_of_a_fail_image_fails_past_its_backoff_limit()
    {
        await using var cluster = await SimulatedCluster.StartAsync();
        await cluster.CreateAsync("job-fail.yaml");

        var (exitCode, output) = await cluster.KubectlAsync("wait", "--for=condition=failed", "job/migrate-broken", "-n", Ns, "--timeout=30s");
        var job = await cluster.Client.BatchV1.ReadNamespacedJobAsync("migrate-broken", Ns);

        Assert.True(exitCode == 0, output);
        Assert.Equal(3, job.Status.Failed);
        Assert.Null(job.Status.Succeeded);
        Assert.Null(job.Status.CompletionTime);
        Assert.Equal(["FailureTarget", "Failed"], job.Status.Conditions.Select(c => c.Type));
        Assert.All(job.Status.Conditions, c => Assert.Equal(("True", "BackoffLimitExceeded"), (c.Status, c.Reason)));
    }
}
