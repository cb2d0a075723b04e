using System.Text.Json.Serialization;

namespace ServerlessDeploy.Core.Triggers;

/// <summary>
/// One normalised reason to look at applications: what the router enqueues instead of the raw event.
/// Serialised with a <c>type</c> discriminator (see <see cref="TriggerJson"/>).
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ImagePushed), "image-pushed")]
[JsonDerivedType(typeof(GitPushed), "git-pushed")]
[JsonDerivedType(typeof(ReconcileTick), "reconcile-tick")]
[JsonDerivedType(typeof(SyncRequested), "sync-requested")]
[JsonDerivedType(typeof(RollbackRequested), "rollback-requested")]
[JsonDerivedType(typeof(RolloutActionRequested), "rollout-action-requested")]
[JsonDerivedType(typeof(RefreshRequested), "refresh-requested")]
public abstract record Trigger
{
    private protected Trigger()
    {
    }
}
