using ServerlessDeploy.Core.Resources;
using ServerlessDeploy.Core.Sync;
using ServerlessDeploy.Core.Yaml;

namespace ServerlessDeploy.Core.Tests.Rollouts;

/// <summary>An invalid Rollout stops the whole sync before anything is applied, with one error naming the field.</summary>
public class RolloutPlanTests
{
    private const string Rollout = """
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata: {name: web, namespace: shop}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec: {containers: [{name: web, image: nginx:1.27}]}
          strategy:
            canary: {canaryService: web-canary, stableService: web-stable, steps: [{setWeight: 25}, {pause: {}}]}
        """;

    private const string ConfigMap = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings, namespace: shop}\n";

    [Fact]
    public void A_Rollout_whose_Services_are_in_the_app_is_planned()
    {
        var plan = Plan(Rollout, ConfigMap, Service("web-canary", "shop"), Service("web-stable", "shop"));

        Assert.True(plan.IsValid, string.Join("; ", plan.Errors));
        Assert.Contains(plan.Tasks, task => task.Key.Kind == "Rollout");
    }

    [Fact]
    public void A_Service_the_app_does_not_have_stops_the_sync_and_nothing_is_applied()
    {
        var plan = Plan(Rollout, ConfigMap, Service("web-canary", "shop"), Service("web-stable", "other"));

        var error = Assert.Single(plan.Errors);
        Assert.Equal("argoproj.io/Rollout:shop/web: spec.strategy.canary.stableService: Service \"web-stable\" is not part of the application in namespace \"shop\"", error.ToString());
        Assert.Empty(plan.Steps);
    }

    [Fact]
    public void An_invalid_Rollout_stops_the_sync_with_its_field_error()
    {
        var plan = Plan(Rollout.Replace("{setWeight: 25}", "{setWeight: 125}"), ConfigMap, Service("web-canary", "shop"), Service("web-stable", "shop"));

        var error = Assert.Single(plan.Errors);
        Assert.EndsWith("spec.strategy.canary.steps[0].setWeight: Invalid value: 125: SetWeight needs to be between 0 and 100", error.ToString());
        Assert.Empty(plan.Steps);
    }

    private static string Service(string name, string ns) => $"apiVersion: v1\nkind: Service\nmetadata: {{name: {name}, namespace: {ns}}}\nspec: {{selector: {{app: web}}}}\n";

    private static SyncPlan Plan(params string[] documents) =>
        SyncPlan.Build([.. documents.Select(yaml => new Manifest(YamlObjects.Read(yaml, YamlDialect.Kubernetes).Single().Json))], [], SyncPlanOptions.Default);
}
