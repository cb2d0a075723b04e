using System.Globalization;

namespace ServerlessDeploy.Pipeline.Notifications.Webhooks;

/// <summary>What every chat service shows for a sync, before each formatter puts it in its own payload.</summary>
/// <param name="Title">One line naming the outcome and the app; a failure says FAILED.</param>
/// <param name="Color">The outcome's colour as 0xRRGGBB: green, red or amber.</param>
internal sealed record ChatMessage(string Title, NotificationKind Kind, int Color, IReadOnlyList<(string Name, string Value)> Facts, string Text)
{
    public bool IsFailure => Kind is NotificationKind.SyncFailed or NotificationKind.RolloutAborted;

    public static ChatMessage From(SyncNotification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var (title, color) = notification.Kind switch
        {
            NotificationKind.SyncSucceeded => ($"✅ Sync succeeded: {notification.App}", 0x2EB67D),
            NotificationKind.SyncFailed => ($"❌ Sync FAILED: {notification.App}", 0xE01E5A),
            NotificationKind.HealthDegraded => ($"⚠️ Health degraded: {notification.App}", 0xECB22E),
            NotificationKind.RolloutStepCompleted => ($"🚦 Rollout step completed: {Rollout(notification)}", 0x2EB67D),
            NotificationKind.RolloutWeightChanged => ($"🚦 Rollout weight changed: {Rollout(notification)}", 0x2EB67D),
            NotificationKind.RolloutPaused => ($"⏸️ Rollout paused: {Rollout(notification)}", 0xECB22E),
            NotificationKind.RolloutResumed => ($"▶️ Rollout resumed: {Rollout(notification)}", 0x2EB67D),
            NotificationKind.RolloutPromoted => ($"✅ Rollout promoted: {Rollout(notification)}", 0x2EB67D),
            NotificationKind.RolloutAborted => ($"❌ Rollout ABORTED: {Rollout(notification)}", 0xE01E5A),
            NotificationKind.RolloutRetried => ($"🔁 Rollout retried: {Rollout(notification)}", 0x2EB67D),
            NotificationKind.RolloutStepsSkipped => ($"⏭️ Rollout steps skipped: {Rollout(notification)}", 0x2EB67D),
            _ => throw new ArgumentOutOfRangeException(nameof(notification), notification.Kind, "unknown notification kind"),
        };
        var facts = new List<(string, string)>
        {
            ("App", notification.App),
            ("Revision", ShortRevision(notification.Revision)),
            ("Health", notification.Health),
            (notification.Rollout is null ? "Finished" : "At", notification.FinishedAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)),
        };
        if (notification.Rollout is { } rollout)
        {
            facts.Add(("Rollout", rollout.Id));
            facts.Add(("Step", rollout.StepIndex is { } step ? $"{step}/{rollout.StepCount}" : "-"));
            facts.Add(("Weight", rollout.PreviousCanaryWeight == rollout.CanaryWeight ? $"{rollout.CanaryWeight}%" : $"{rollout.PreviousCanaryWeight}% → {rollout.CanaryWeight}%"));
        }

        if (notification.Images.Count > 0)
        {
            facts.Add(("Images", string.Join(", ", notification.Images)));
        }

        return new ChatMessage(title, notification.Kind, color, facts, notification.Message);
    }

    /// <summary>The app and the Rollout a transition notice is about.</summary>
    private static string Rollout(SyncNotification notification) =>
        notification.Rollout is { } rollout ? $"{notification.App} {rollout.Id}" : notification.App;

    /// <summary>A Git commit id shortened to 7 characters as Git shows it; tags and other revisions stay whole.</summary>
    internal static string ShortRevision(string revision) =>
        revision.Length >= 12 && revision.All(char.IsAsciiHexDigit) ? revision[..7] : revision;

    /// <summary>Cuts text to a service's limit, marking the cut.</summary>
    internal static string Limit(string text, int maxLength) =>
        text.Length <= maxLength ? text : string.Concat(text.AsSpan(0, maxLength - 1), "…");
}
