using ServerlessDeploy.Core.Health;

namespace ServerlessDeploy.Core.Tests.Health;

public class HealthOrderTests
{
    [Fact]
    public void Statuses_go_from_best_to_worst_as_in_Argo_CD() =>
        Assert.Equal(
            [HealthStatus.Healthy, HealthStatus.Suspended, HealthStatus.Progressing, HealthStatus.Missing, HealthStatus.Degraded, HealthStatus.Unknown],
            Enum.GetValues<HealthStatus>().Order());

    [Theory]
    [InlineData("", HealthStatus.Healthy)]
    [InlineData("Healthy,Healthy", HealthStatus.Healthy)]
    [InlineData("Healthy,Suspended", HealthStatus.Suspended)]
    [InlineData("Suspended,Progressing,Healthy", HealthStatus.Progressing)]
    [InlineData("Missing,Progressing", HealthStatus.Missing)]
    [InlineData("Healthy,Degraded,Missing", HealthStatus.Degraded)]
    [InlineData("Unknown,Degraded,Healthy", HealthStatus.Unknown)]
    public void An_application_is_as_healthy_as_its_worst_resource(string statuses, HealthStatus expected)
    {
        var results = statuses.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => new HealthResult(Enum.Parse<HealthStatus>(s), s));

        Assert.Equal(expected, HealthAggregate.Worst(results).Status);
    }

    [Fact]
    public void Resources_without_health_do_not_count_and_the_first_worst_gives_the_message()
    {
        HealthResult?[] results =
        [
            null,
            new(HealthStatus.Progressing, "web: 1 out of 3 new replicas have been updated"),
            new(HealthStatus.Progressing, "db: waiting for 2 pods"),
            null,
        ];

        Assert.Equal(results[1], HealthAggregate.Worst(results));
    }

    [Fact]
    public void Resources_from_fixtures_aggregate_to_the_worst()
    {
        string[] fixtures = ["deployment-healthy.yaml", "configmap.yaml", "svc-lb-pending.yaml", "pod-crashloop.yaml", "job-suspended.yaml"];

        var health = HealthAggregate.Worst(fixtures.Select(f => HealthAssessment.Of(Fixtures.Live(f))));

        Assert.Equal(HealthStatus.Degraded, health.Status);
        Assert.Contains("restarting failed container=api", health.Message, StringComparison.Ordinal);
    }
}
