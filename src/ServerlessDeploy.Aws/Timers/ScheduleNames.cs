using System.Security.Cryptography;
using System.Text;
using ServerlessDeploy.Pipeline.Timers;

namespace ServerlessDeploy.Aws.Timers;

/// <summary>
/// A wake-up's one-time schedule name, the same however often it is booked (so a repeated booking finds the schedule
/// it made): <c>wake-&lt;app&gt;-&lt;16 hex digits of SHA-256 of the wake-up's key&gt;</c>, at most 64 characters of
/// [0-9a-zA-Z-_.] as Scheduler requires. The app part is for people reading the group; the hash tells wake-ups apart.
/// </summary>
internal static class ScheduleNames
{
    public const int MaxLength = 64;
    private const string Prefix = "wake-";
    private const int HashLength = 16;
    private const int MaxAppLength = MaxLength - 5 - 1 - HashLength; // "wake-", the app, "-", the hash

    public static string For(WakeUp wakeUp)
    {
        ArgumentNullException.ThrowIfNull(wakeUp);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(wakeUp.Key)))[..HashLength];
        var app = new string([.. wakeUp.App.Take(MaxAppLength).Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-')]);
        return $"{Prefix}{app}-{hash}";
    }
}
