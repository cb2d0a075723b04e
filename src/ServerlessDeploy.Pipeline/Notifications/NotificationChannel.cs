namespace ServerlessDeploy.Pipeline.Notifications;

/// <summary>A notifier with the name failures are reported under (e.g. "eventbridge", "slack #deploys").</summary>
public sealed record NotificationChannel(string Name, INotifier Notifier);
