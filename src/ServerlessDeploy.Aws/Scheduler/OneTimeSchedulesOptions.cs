namespace ServerlessDeploy.Aws.Scheduler;

/// <summary>Where the one-time schedules live: the stack's own schedule group (the deployer may touch no other).</summary>
public sealed record OneTimeSchedulesOptions(string GroupName)
{
    /// <summary>Schedule and group names: 1 to 64 characters of [0-9a-zA-Z-_.] (EventBridge Scheduler's rule for both).</summary>
    public static bool IsName(string? value) =>
        value is { Length: >= 1 and <= 64 } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    public void Validate()
    {
        if (!IsName(GroupName))
        {
            throw new ArgumentException($"schedule group name \"{GroupName}\" is not 1 to 64 characters of [0-9a-zA-Z-_.]", nameof(GroupName));
        }
    }
}
