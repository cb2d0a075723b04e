using System.Text.Json.Nodes;

namespace ServerlessDeploy.LocalCluster.Controllers.Simulation;

/// <summary>
/// One status write a simulated controller makes, <paramref name="After"/> the change it reacts to. <paramref name="Status"/>
/// gets the object as it is when the step runs and the time then, and returns its new status (null: leave it as it is).
/// <paramref name="Edit"/>, when set, also changes the object itself (metadata, spec) in the same write, as a binder does.
/// </summary>
internal sealed record StatusStep(TimeSpan After, Func<JsonObject, DateTimeOffset, JsonObject?> Status, Action<JsonObject>? Edit = null)
{
    public static StatusStep Now(Func<JsonObject, DateTimeOffset, JsonObject?> status) => new(TimeSpan.Zero, status);

    /// <summary>A first status at once and a last one after <paramref name="delay"/>; just the last one when there is no delay.</summary>
    public static IReadOnlyList<StatusStep> Rollout(
        TimeSpan delay,
        Func<JsonObject, DateTimeOffset, JsonObject?> started,
        Func<JsonObject, DateTimeOffset, JsonObject?> finished) =>
        delay == TimeSpan.Zero ? [Now(finished)] : [Now(started), new(delay, finished)];
}
