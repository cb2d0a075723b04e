namespace ServerlessDeploy.Core.Sync.Hooks;

/// <summary>
/// Reads <c>argocd.argoproj.io/hook-delete-policy</c> and Helm's <c>helm.sh/hook-delete-policy</c> (both
/// comma-separated; their union counts). Neither present means BeforeHookCreation. Unknown policies are reported.
/// </summary>
internal static class HookDeletePolicyAnnotation
{
    public const string Name = "argocd.argoproj.io/hook-delete-policy";

    public static HookDeletePolicies Read(IReadOnlyDictionary<string, string> annotations, ICollection<string> problems)
    {
        var policies = Parse(annotations, Name, Argo, "BeforeHookCreation, HookSucceeded or HookFailed", problems)
            | Parse(annotations, HelmHooks.DeletePolicyAnnotation, Helm, "before-hook-creation, hook-succeeded or hook-failed", problems);
        return policies == HookDeletePolicies.None ? HookDeletePolicies.BeforeHookCreation : policies;
    }

    private static HookDeletePolicies Parse(
        IReadOnlyDictionary<string, string> annotations, string annotation, Func<string, HookDeletePolicies?> parse, string expected, ICollection<string> problems)
    {
        var policies = HookDeletePolicies.None;
        foreach (var text in AnnotationList.Split(annotations.GetValueOrDefault(annotation)))
        {
            if (parse(text) is { } policy)
            {
                policies |= policy;
            }
            else
            {
                problems.Add($"unknown hook delete policy \"{text}\" in {annotation} (expected {expected})");
            }
        }

        return policies;
    }

    private static HookDeletePolicies? Argo(string text) => text switch
    {
        "BeforeHookCreation" => HookDeletePolicies.BeforeHookCreation,
        "HookSucceeded" => HookDeletePolicies.HookSucceeded,
        "HookFailed" => HookDeletePolicies.HookFailed,
        _ => null,
    };

    private static HookDeletePolicies? Helm(string text) => text switch
    {
        "before-hook-creation" => HookDeletePolicies.BeforeHookCreation,
        "hook-succeeded" => HookDeletePolicies.HookSucceeded,
        "hook-failed" => HookDeletePolicies.HookFailed,
        _ => null,
    };
}
