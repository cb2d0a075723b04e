using ServerlessDeploy.Core.Resources;

namespace ServerlessDeploy.Core.Sync.Waves;

/// <summary>
/// gitops-engine's dependency adjustment: a Namespace moves to the phase and wave of the first resource that lives
/// in it, and a CustomResourceDefinition to the first resource of its kind, when those come earlier than it would.
/// </summary>
internal static class DependencyOrder
{
    public static IReadOnlyList<SyncTask> Apply(IReadOnlyList<SyncTask> tasks)
    {
        var first = new Dictionary<string, SyncTask>(StringComparer.Ordinal);
        foreach (var task in tasks.Where(t => !t.IsPrune && DependencyKey(t.Manifest) is null).OrderBy(t => t.SortKey))
        {
            foreach (var key in ReferencedKeys(task.Manifest))
            {
                first.TryAdd(key, task);
            }
        }

        return [.. tasks.Select(t => Move(t, first))];
    }

    private static SyncTask Move(SyncTask task, Dictionary<string, SyncTask> first)
    {
        if (task.IsPrune || DependencyKey(task.Manifest) is not { } key || !first.TryGetValue(key, out var dependent))
        {
            return task;
        }

        var earlier = (dependent.Phase, dependent.Wave).CompareTo((task.Phase, task.Wave)) < 0;
        return earlier ? task with { Phase = dependent.Phase, Wave = dependent.Wave } : task;
    }

    /// <param name="target">An applied task's manifest (a prune task has none to depend on).</param>
    private static string? DependencyKey(Manifest target)
    {
        if (target.Group.Length == 0 && target.Kind == "Namespace")
        {
            return "namespace:" + target.Name;
        }

        if (target.Group == "apiextensions.k8s.io" && target.Kind == "CustomResourceDefinition")
        {
            var spec = target.Json["spec"];
            return $"kind:{spec?["group"]}/{spec?["names"]?["kind"]}";
        }

        return null;
    }

    private static IEnumerable<string> ReferencedKeys(Manifest target)
    {
        if (target.Namespace.Length > 0)
        {
            yield return "namespace:" + target.Namespace;
        }

        yield return $"kind:{target.Group}/{target.Kind}";
    }
}
