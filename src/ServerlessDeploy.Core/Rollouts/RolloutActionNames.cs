namespace ServerlessDeploy.Core.Rollouts;

/// <summary>The actions' wire names, as the plugin's verbs are spelt: promote, promote-full, abort, retry, pause, resume.</summary>
public static class RolloutActionNames
{
    public static string Of(RolloutActionKind action) => action switch
    {
        RolloutActionKind.Promote => "promote",
        RolloutActionKind.PromoteFull => "promote-full",
        RolloutActionKind.Abort => "abort",
        RolloutActionKind.Retry => "retry",
        RolloutActionKind.Pause => "pause",
        RolloutActionKind.Resume => "resume",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "not a rollout action"),
    };

    /// <summary>The action a wire name names; false for any other text.</summary>
    public static bool TryParse(string name, out RolloutActionKind action)
    {
        foreach (var candidate in Enum.GetValues<RolloutActionKind>())
        {
            if (string.Equals(Of(candidate), name, StringComparison.Ordinal))
            {
                action = candidate;
                return true;
            }
        }

        action = default;
        return false;
    }

    /// <summary>"promote, promote-full, abort, retry, pause or resume", for errors.</summary>
    public static string All => string.Join(", ", Enum.GetValues<RolloutActionKind>().SkipLast(1).Select(Of)) + " or " + Of(Enum.GetValues<RolloutActionKind>()[^1]);
}
