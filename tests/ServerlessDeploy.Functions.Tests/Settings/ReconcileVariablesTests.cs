using ServerlessDeploy.Functions.Hosting;
using ServerlessDeploy.Functions.Settings;
using ServerlessDeploy.Functions.Tests.Support;
using ServerlessDeploy.Pipeline.Config;
using ServerlessDeploy.Testing.Lambda;

namespace ServerlessDeploy.Functions.Tests.Settings;

/// <summary>The router's RECONCILE_FAN_OUT and APPS_PER_COMPARE_PASS: defaults, the values accepted, and one error naming a bad one.</summary>
public sealed class ReconcileVariablesTests
{
    [Fact]
    public void Unset_means_a_compare_pass_per_cluster_of_at_most_1000_apps()
    {
        var settings = Read(Variables.Complete("router"));

        Assert.Equal((ReconcileFanOut.Cluster, 1000), (settings.ReconcileFanOut, settings.AppsPerComparePass));
    }

    [Theory]
    [InlineData("cluster", "250", ReconcileFanOut.Cluster, 250)]
    [InlineData("app", "1", ReconcileFanOut.App, 1)]
    public void Each_accepted_value_is_kept(string fanOut, string appsPerPass, ReconcileFanOut expected, int expectedApps)
    {
        var variables = Variables.Complete("router");
        variables["RECONCILE_FAN_OUT"] = fanOut;
        variables["APPS_PER_COMPARE_PASS"] = appsPerPass;

        var settings = Read(variables);

        Assert.Equal((expected, expectedApps), (settings.ReconcileFanOut, settings.AppsPerComparePass));
    }

    [Theory]
    [InlineData("RECONCILE_FAN_OUT", "per-app", "RECONCILE_FAN_OUT is 'per-app'; expected cluster or app")]
    [InlineData("APPS_PER_COMPARE_PASS", "0", "APPS_PER_COMPARE_PASS is '0'; expected a whole number of at least 1")]
    [InlineData("APPS_PER_COMPARE_PASS", "ten", "APPS_PER_COMPARE_PASS is 'ten'; expected a whole number of at least 1")]
    public void A_bad_value_stops_the_function_at_init_naming_the_variable(string name, string value, string expected)
    {
        var variables = Variables.Complete("router");
        variables[name] = value;

        var error = Assert.Throws<FunctionSettingsException>(() => Read(variables));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private static FunctionSettings Read(Dictionary<string, string> variables) =>
        FunctionSettingsReader.Read(new DictionaryRuntimeEnvironment(variables));
}
