namespace ServerlessDeploy.Core.Rollouts;

/// <summary>The verbs' wire names, as the plugin spells its commands: promote, promote-full, abort, retry, pause, resume, restart.</summary>
public static class RolloutActionNames
{
    public static string Of(RolloutVerb action) => action switch
    {
        RolloutVerb.Promote => "promote",
        RolloutVerb.PromoteFull => "promote-full",
        RolloutVerb.Abort => "abort",
        RolloutVerb.Retry => "retry",
        RolloutVerb.Pause => "pause",
        RolloutVerb.Resume => "resume",
        RolloutVerb.Restart => "restart",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "not a rollout action"),
    };

    /// <summary>The action a wire name names; false for any other text.</summary>
    public static bool TryParse(string name, out RolloutVerb action)
    {
        foreach (var candidate in Enum.GetValues<RolloutVerb>())
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

    /// <summary>"promote, promote-full, abort, retry, pause, resume or restart", for errors.</summary>
    public static string All => string.Join(", ", Enum.GetValues<RolloutVerb>().SkipLast(1).Select(Of)) + " or " + Of(Enum.GetValues<RolloutVerb>()[^1]);
}
