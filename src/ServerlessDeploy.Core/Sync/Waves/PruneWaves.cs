namespace ServerlessDeploy.Core.Sync.Waves;

/// <summary>
/// Argo CD's waves for prune tasks: deletion runs in reverse, so the prune waves are mirrored (the first prune wave
/// swaps with the last); PruneLast tasks then move to one wave after the last wave of the Sync phase.
/// </summary>
internal static class PruneWaves
{
    public static IReadOnlyList<SyncTask> Reverse(IReadOnlyList<SyncTask> tasks)
    {
        var waves = tasks.Where(t => t.IsPrune).Select(t => t.Wave).Distinct().Order().ToArray();
        var mirrored = waves.Select((wave, index) => KeyValuePair.Create(wave, waves[waves.Length - 1 - index])).ToDictionary();
        return [.. tasks.Select(t => t.IsPrune ? t with { Wave = mirrored[t.Wave] } : t)];
    }

    public static IReadOnlyList<SyncTask> MovePruneLast(IReadOnlyList<SyncTask> tasks)
    {
        var lastWave = tasks.Where(t => t.Phase == SyncPhase.Sync).Select(t => t.Wave).Append(0).Max() + 1;
        return [.. tasks.Select(t => t.IsPrune && t.Options.PruneLast ? t with { Wave = lastWave } : t)];
    }
}
