using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Core.Resources;

namespace ServerlessDeploy.Core.Diff;

/// <summary>Which spec.ignoreDifferences entries apply to a resource, as Argo CD matches them: group and kind are globs ('*' matches any), name and namespace must be equal when given.</summary>
internal static class IgnoreRules
{
    public static IEnumerable<IgnoreDifference> For(ResourceKey key, IReadOnlyList<IgnoreDifference> rules) =>
        rules.Where(r => GlobPattern.Matches(r.Group, key.Group) && GlobPattern.Matches(r.Kind, key.Kind)
            && (string.IsNullOrEmpty(r.Name) || r.Name == key.Name) && (string.IsNullOrEmpty(r.Namespace) || r.Namespace == key.Namespace));
}
