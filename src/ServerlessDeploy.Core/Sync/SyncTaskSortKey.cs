namespace ServerlessDeploy.Core.Sync;

/// <summary>
/// The order of a task: phase, wave, then kind order, kind and name (namespace breaks the last ties). Within one
/// phase and wave, prune tasks come first and in reverse kind order, because deletion runs in reverse.
/// </summary>
internal readonly record struct SyncTaskSortKey(SyncPhase Phase, int Wave, bool IsPrune, int KindOrder, string Kind, string Name, string Namespace)
    : IComparable<SyncTaskSortKey>
{
    public static bool operator <(SyncTaskSortKey left, SyncTaskSortKey right) => left.CompareTo(right) < 0;

    public static bool operator >(SyncTaskSortKey left, SyncTaskSortKey right) => left.CompareTo(right) > 0;

    public static bool operator <=(SyncTaskSortKey left, SyncTaskSortKey right) => left.CompareTo(right) <= 0;

    public static bool operator >=(SyncTaskSortKey left, SyncTaskSortKey right) => left.CompareTo(right) >= 0;

    public int CompareTo(SyncTaskSortKey other)
    {
        var order = Phase.CompareTo(other.Phase);
        order = order != 0 ? order : Wave.CompareTo(other.Wave);
        order = order != 0 ? order : other.IsPrune.CompareTo(IsPrune);
        order = order != 0 ? order : KindRank.CompareTo(other.KindRank);
        order = order != 0 ? order : string.CompareOrdinal(Kind, other.Kind);
        order = order != 0 ? order : string.CompareOrdinal(Name, other.Name);
        return order != 0 ? order : string.CompareOrdinal(Namespace, other.Namespace);
    }

    private int KindRank => IsPrune ? -KindOrder : KindOrder;
}
