namespace ServerlessDeploy.State.ReadModel;

/// <summary>
/// One app in full: its summary, the last operation with its stage timestamps, the image overrides it deploys with, its
/// resources, its history (newest first), the sync waiting to go on, if any, and the last dry run, if any.
/// </summary>
public sealed record AppDetail(
    AppSummary Summary,
    IReadOnlyList<string> ImageOverrides,
    IReadOnlyList<ResourceView> Resources,
    IReadOnlyList<HistoryEntry> History,
    WaitingSync? Waiting,
    NoticeFailure? FailedNotice,
    DryRunRecord? LastDryRun = null);
