using System.Globalization;
using ServerlessDeploy.Pipeline.Config;

namespace ServerlessDeploy.Functions.Settings;

/// <summary>
/// How the router fans a reconcile tick out: <c>RECONCILE_FAN_OUT</c> = <c>cluster</c> (a compare pass per cluster, the
/// default) or <c>app</c> (a request per app), and <c>APPS_PER_COMPARE_PASS</c> (1000), the most apps one pass compares.
/// </summary>
internal static class ReconcileVariables
{
    public const string FanOut = "RECONCILE_FAN_OUT";
    public const string AppsPerPass = "APPS_PER_COMPARE_PASS";

    public static (ReconcileFanOut FanOut, int AppsPerPass) Parse(Func<string, string?> value, List<string> problems)
    {
        var fanOut = value(FanOut) switch
        {
            null or "cluster" => ReconcileFanOut.Cluster,
            "app" => ReconcileFanOut.App,
            var other => Problem(problems, $"{FanOut} is '{other}'; expected cluster or app", ReconcileFanOut.Cluster),
        };
        var appsPerPass = value(AppsPerPass) switch
        {
            null => 1000,
            var text when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0 => count,
            var other => Problem(problems, $"{AppsPerPass} is '{other}'; expected a whole number of at least 1", 1000),
        };
        return (fanOut, appsPerPass);
    }

    private static T Problem<T>(List<string> problems, string problem, T fallback)
    {
        problems.Add(problem);
        return fallback;
    }
}
