using System.Globalization;

namespace ServerlessDeploy.Pipeline.Notifications.Webhooks;

/// <summary>What every chat service shows for a sync, before each formatter puts it in its own payload.</summary>
/// <param name="Title">One line naming the outcome and the app; a failure says FAILED.</param>
/// <param name="Color">The outcome's colour as 0xRRGGBB: green, red or amber.</param>
internal sealed record ChatMessage(string Title, NotificationKind Kind, int Color, IReadOnlyList<(string Name, string Value)> Facts, string Text)
{
    public bool IsFailure => Kind == NotificationKind.SyncFailed;

    public static ChatMessage From(SyncNotification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var (title, color) = notification.Kind switch
        {
            NotificationKind.SyncSucceeded => ($"✅ Sync succeeded: {notification.App}", 0x2EB67D),
            NotificationKind.SyncFailed => ($"❌ Sync FAILED: {notification.App}", 0xE01E5A),
            NotificationKind.HealthDegraded => ($"⚠️ Health degraded: {notification.App}", 0xECB22E),
            _ => throw new ArgumentOutOfRangeException(nameof(notification), notification.Kind, "unknown notification kind"),
        };
        var facts = new List<(string, string)>
        {
            ("App", notification.App),
            ("Revision", ShortRevision(notification.Revision)),
            ("Health", notification.Health),
            ("Finished", notification.FinishedAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)),
        };
        if (notification.Images.Count > 0)
        {
            facts.Add(("Images", string.Join(", ", notification.Images)));
        }

        return new ChatMessage(title, notification.Kind, color, facts, notification.Message);
    }

    /// <summary>A Git commit id shortened to 7 characters as Git shows it; tags and other revisions stay whole.</summary>
    internal static string ShortRevision(string revision) =>
        revision.Length >= 12 && revision.All(char.IsAsciiHexDigit) ? revision[..7] : revision;

    /// <summary>Cuts text to a service's limit, marking the cut.</summary>
    internal static string Limit(string text, int maxLength) =>
        text.Length <= maxLength ? text : string.Concat(text.AsSpan(0, maxLength - 1), "…");
}
