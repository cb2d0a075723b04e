namespace ServerlessDeploy.Core.Sync.Hooks;

/// <summary>What the hook annotations make of a resource.</summary>
internal enum HookRole
{
    /// <summary>No hook annotation: a regular resource, applied in the Sync phase and pruned when gone from Git.</summary>
    Resource,

    /// <summary>A hook: created afresh in each of its phases, never pruned.</summary>
    Hook,

    /// <summary><c>Skip</c>: neither applied nor pruned.</summary>
    Skip,

    /// <summary>A hook for another moment than a sync (PreDelete, PostDelete, Helm's test or rollback hooks).</summary>
    OutsideSync,
}
