using System.Text.Json.Nodes;

namespace ServerlessDeploy.LocalCluster.Patching;

/// <summary>
/// The order of a merged list (strategicpatch's normalizeElementOrder): the items the patch names come in the patch's
/// order; each item only the live list had goes just before the first patch item it preceded in the live list, and
/// the rest of them after, in their live order. So a new key with no "$setElementOrder" comes before later live items.
/// </summary>
internal static class StrategicListOrder
{
    /// <param name="merged">The merged items, detached.</param>
    /// <param name="patchOrder">The identities (<see cref="StrategicListMerge.Identity"/>) in the patch's or "$setElementOrder"'s order.</param>
    /// <param name="serverOrder">The identities in the live list's order, before the merge.</param>
    /// <param name="mergeKey">The merge key for lists of maps; null for scalars.</param>
    public static List<JsonNode?> Arrange(
        IReadOnlyList<JsonNode?> merged,
        IReadOnlyList<JsonNode?> patchOrder,
        IReadOnlyList<JsonNode?> serverOrder,
        string? mergeKey)
    {
        int Rank(IReadOnlyList<JsonNode?> order, JsonNode? item)
        {
            var index = JsonArrays.IndexOf(order, StrategicListMerge.Identity(item, mergeKey));
            return index < 0 ? int.MaxValue : index;
        }

        var named = merged.Where(item => Rank(patchOrder, item) != int.MaxValue).OrderBy(item => Rank(patchOrder, item)).ToList();
        var serverOnly = merged.Where(item => Rank(patchOrder, item) == int.MaxValue).OrderBy(item => Rank(serverOrder, item)).ToList();
        var result = new List<JsonNode?>(merged.Count);
        int s = 0, p = 0;
        while (s < serverOnly.Count || p < named.Count)
        {
            var serverFirst = p >= named.Count || (s < serverOnly.Count && Precedes(Rank(serverOrder, serverOnly[s]), Rank(serverOrder, named[p])));
            result.Add(serverFirst ? serverOnly[s++] : named[p++]);
        }

        return result;
    }

    // A live-only item goes first only when both were in the live list and it came first there.
    private static bool Precedes(int serverOnlyRank, int namedRank) =>
        serverOnlyRank != int.MaxValue && namedRank != int.MaxValue && serverOnlyRank < namedRank;
}
