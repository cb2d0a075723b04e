using System.Globalization;
using ServerlessDeploy.Core.Sync.Hooks;

namespace ServerlessDeploy.Core.Sync.Waves;

/// <summary>
/// Reads a resource's wave: <c>argocd.argoproj.io/sync-wave</c>, else Helm's <c>helm.sh/hook-weight</c>, else 0.
/// Unlike Argo CD, which silently falls back to 0, a value that is not an integer is reported.
/// </summary>
internal static class SyncWave
{
    public const string Annotation = "argocd.argoproj.io/sync-wave";

    public static int Read(IReadOnlyDictionary<string, string> annotations, ICollection<string> problems)
    {
        if (annotations.TryGetValue(Annotation, out var wave))
        {
            return Parse(Annotation, wave, problems);
        }

        return annotations.TryGetValue(HelmHooks.WeightAnnotation, out var weight) ? Parse(HelmHooks.WeightAnnotation, weight, problems) : 0;
    }

    private static int Parse(string annotation, string text, ICollection<string> problems)
    {
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        problems.Add($"{annotation} \"{text}\" is not an integer");
        return 0;
    }
}
