using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Core.Resources;
using ServerlessDeploy.Core.Sync.Options;

namespace ServerlessDeploy.Core.Engine;

/// <summary>
/// Whether a resource is written with field validation (fieldValidation=Strict): unless the Application or the
/// resource says <c>Validate=false</c>. The comparison's dry-run apply asks the same way as the sync's apply, so a field
/// the kind does not declare is dropped by both and is not drift.
/// </summary>
internal static class WriteValidation
{
    public static bool Of(Application app, Manifest manifest) =>
        app.SyncPolicy.Options.Validate
        && SyncOptionsAnnotation.Read(manifest.Annotation(SyncOptionsAnnotation.Name), ResourceSyncOptions.Default, []).Validate;
}
