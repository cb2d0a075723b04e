namespace ServerlessDeploy.Core.Applications;

/// <summary>
/// Argo CD's Application finalizers. The resources finalizer is carried out (see RemovedApplication); the PreDelete
/// and PostDelete hook finalizers are not, so they are errors rather than promises kept silently.
/// </summary>
internal static class ApplicationFinalizers
{
    private static readonly string[] HookFinalizers = ["pre-delete-finalizer.argocd.argoproj.io", "post-delete-finalizer.argocd.argoproj.io"];

    public static void Check(SpecNode metadata, IReadOnlyList<string> finalizers)
    {
        foreach (var finalizer in finalizers.Where(f => HookFinalizers.Any(h => f == h || f.StartsWith(h + "/", StringComparison.Ordinal))))
        {
            metadata.Error("finalizers", $"\"{finalizer}\" is not supported yet: PreDelete and PostDelete hooks are not run when an Application is removed");
        }
    }
}
