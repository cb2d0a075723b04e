namespace ServerlessDeploy.Testing.Rollouts;

/// <summary>
/// The canary every Rollout test drives: Rollout <c>web</c> (app: web) with Services <c>web-canary</c> and
/// <c>web-stable</c>, by default 4 replicas and steps 25 %, an indefinite pause, 50 %, a one-second pause.
/// </summary>
public static class CanaryManifests
{
    public const string DefaultSteps = "[{setWeight: 25}, {pause: {}}, {setWeight: 50}, {pause: {duration: 1s}}]";

    /// <summary>A Service of the canary's pods; the Rollout adds the pod-template hash to its selector.</summary>
    public static string Service(string name) =>
        $"apiVersion: v1\nkind: Service\nmetadata: {{name: {name}}}\nspec: {{selector: {{app: web}}, ports: [{{port: 80}}]}}\n";

    /// <param name="extra">More spec fields, each line indented by two spaces (e.g. "  progressDeadlineSeconds: 2").</param>
    public static string Rollout(string image, string steps = DefaultSteps, int replicas = 4, string extra = "") => $$$"""
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata: {name: web}
        spec:
          replicas: {{{replicas}}}
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers: [{name: web, image: "{{{image}}}"}]
          strategy:
            canary:
              canaryService: web-canary
              stableService: web-stable
              steps: {{{steps}}}
        {{{extra}}}
        """;

    /// <summary>Both Services and the Rollout, as one file of an application.</summary>
    public static string App(string image) => $"{Service("web-canary")}---\n{Service("web-stable")}---\n{Rollout(image)}";
}
