namespace ServerlessDeploy.Core.Sync.Hooks;

/// <summary>When a hook's object is deleted (<c>argocd.argoproj.io/hook-delete-policy</c>); BeforeHookCreation by default.</summary>
[Flags]
internal enum HookDeletePolicies
{
    None = 0,

    /// <summary>Delete the object left by an earlier sync before creating the hook again.</summary>
    BeforeHookCreation = 1,

    /// <summary>Delete the hook once the sync succeeded.</summary>
    HookSucceeded = 2,

    /// <summary>Delete the hook once the sync failed.</summary>
    HookFailed = 4,
}
