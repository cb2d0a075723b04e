namespace ServerlessDeploy.LocalCluster.Verbs;

/// <summary>The write verbs of one server instance, wired to the same state, admission and reactions.</summary>
internal sealed class ResourceVerbs(CreateVerb create, UpdateVerb update, PatchVerb patch, ApplyVerb apply, DeleteVerb delete, ScaleVerb scale, EvictVerb evict)
{
    public CreateVerb Create { get; } = create;

    public UpdateVerb Update { get; } = update;

    public PatchVerb Patch { get; } = patch;

    public ApplyVerb Apply { get; } = apply;

    public DeleteVerb Delete { get; } = delete;

    public ScaleVerb Scale { get; } = scale;

    public EvictVerb Evict { get; } = evict;
}
