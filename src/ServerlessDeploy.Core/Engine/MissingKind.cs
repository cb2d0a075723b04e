using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Core.Resources;
using ServerlessDeploy.Core.Sync.Options;

namespace ServerlessDeploy.Core.Engine;

/// <summary>
/// Argo CD's <c>SkipDryRunOnMissingResource=true</c> (on the resource, or for every resource in the Application's
/// syncOptions): a kind the cluster does not serve yet, and whose CRD is not in the render either (a controller creates
/// it, as Gatekeeper does for its constraints), is no failure of the comparison or the plan. The resource is Missing,
/// and is applied in its turn; only then does a still-missing kind fail, naming the resource.
/// </summary>
internal static class MissingKind
{
    public static bool MayWait(Application app, Manifest manifest) =>
        app.SyncPolicy.Options.SkipDryRunOnMissingResource
        || SyncOptionsAnnotation.Read(manifest.Annotation(SyncOptionsAnnotation.Name), ResourceSyncOptions.Default, []).SkipDryRunOnMissingResource;

    /// <summary>
    /// Whether a desired resource counts as namespaced for the project's rules: a kind not served yet does not, as Argo
    /// CD checks an unknown kind against the cluster-scoped lists.
    /// </summary>
    public static bool Namespaced(ApplicationComparison comparison, Manifest manifest) =>
        comparison.Types.GetValueOrDefault(manifest.Key)?.Namespaced ?? false;
}
