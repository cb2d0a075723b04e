namespace ServerlessDeploy.Dashboard.Timeline;

/// <summary>An app's operations for the timeline page, newest first.</summary>
/// <param name="Operations">The last operation, then those of the history that recorded their stages.</param>
public sealed record TimelineView(string App, IReadOnlyList<TimelineOperation> Operations);
