using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Health;
using ServerlessDeploy.Core.Yaml;

namespace ServerlessDeploy.Core.Tests.Health;

/// <summary>
/// Argo CD's own Rollout health fixtures and expectations (testdata/argo-cd-rollout, see its SOURCE.md): every case of
/// its health_test.yaml, read from that file, so a Rollout we drive shows in our app the health Argo CD would show.
/// </summary>
public class RolloutHealthFixtureTests
{
    public static TheoryData<string, HealthStatus, string> Cases()
    {
        var data = new TheoryData<string, HealthStatus, string>();
        var expectations = YamlObjects.Read(File.ReadAllText(Path.Combine(Folder, "health_test.yaml")), YamlDialect.Kubernetes).Single().Json;
        foreach (var test in expectations["tests"]!.AsArray().OfType<JsonObject>())
        {
            var health = test["healthStatus"]!.AsObject();
            data.Add(
                test["inputPath"]!.GetValue<string>()["testdata/".Length..],
                Enum.Parse<HealthStatus>(health["status"]!.GetValue<string>()),
                health["message"]?.GetValue<string>() ?? "");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_Argo_CD_Rollout_fixture_has_its_status_and_message(string fixture, HealthStatus status, string message) =>
        Assert.Equal(new HealthResult(status, message), HealthAssessment.Of(Fixtures.Live($"argo-cd-rollout/{fixture}")));

    [Fact]
    public void Every_fixture_file_is_asserted() =>
        Assert.Equal(
            Directory.EnumerateFiles(Folder, "*.yaml", SearchOption.AllDirectories)
                .Select(file => Path.GetRelativePath(Folder, file))
                .Where(file => file != "health_test.yaml")
                .Order(StringComparer.Ordinal),
            Cases().Select(row => (string)row[0]).Order(StringComparer.Ordinal));

    [Fact]
    public void A_phase_that_is_no_health_code_is_Unknown_as_Argo_CD_reports_an_invalid_script_result()
    {
        var live = Fixtures.Live("argo-cd-rollout/degraded_statusPhaseMessage.yaml");
        live["status"]!["phase"] = "Sideways";

        Assert.Equal(new HealthResult(HealthStatus.Unknown, "Lua returned an invalid health status"), HealthAssessment.Of(live));
    }

    private static string Folder => Path.Combine(AppContext.BaseDirectory, "Health", "testdata", "argo-cd-rollout");
}
