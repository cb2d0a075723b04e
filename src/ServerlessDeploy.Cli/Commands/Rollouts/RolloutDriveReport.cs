using System.Globalization;
using ServerlessDeploy.Cli.Commands.App;
using ServerlessDeploy.Core.Rollouts;

namespace ServerlessDeploy.Cli.Commands.Rollouts;

/// <summary>What a verb printed: the plugin's line for the patch, then each transition the drive made and where it stopped.</summary>
internal static class RolloutDriveReport
{
    /// <summary>"rollout 'web' promoted", "rollout 'web' restarts in 30s", as the plugin says it, with the patches sent.</summary>
    public static string Acted(string rollout, RolloutVerb verb, TimeSpan restartIn, RolloutActionResult acted)
    {
        var done = verb switch
        {
            RolloutVerb.Promote => "promoted",
            RolloutVerb.PromoteFull => "fully promoted",
            RolloutVerb.Abort => "aborted",
            RolloutVerb.Retry => "retried",
            RolloutVerb.Pause => "paused",
            RolloutVerb.Resume => "resumed",
            RolloutVerb.Restart => $"restarts in {Delay(restartIn)}",
            _ => throw new ArgumentOutOfRangeException(nameof(verb), verb, "not a rollout verb"),
        };
        var sent = acted.Sent.IsEmpty ? "nothing to patch" : string.Join("; ", acted.Sent);
        return $"rollout '{rollout}' {done} ({sent})";
    }

    /// <summary>--in as it is usually typed: "0s", "30s", "5m", "1h30m".</summary>
    private static string Delay(TimeSpan delay)
    {
        var parts = new[] { ((long)delay.TotalHours, "h"), (delay.Minutes, "m"), (delay.Seconds, "s") }.Where(part => part.Item1 != 0);
        var text = string.Concat(parts.Select(part => part.Item1.ToString(CultureInfo.InvariantCulture) + part.Item2));
        return text.Length == 0 ? "0s" : text;
    }

    public static string Render(RolloutDriveResult driven)
    {
        var progress = driven.Progress;
        var step = progress.StepIndex is { } index && progress.StepCount > 0 ? $"{index}/{progress.StepCount}" : "-";
        var transitions = driven.Transitions.IsEmpty
            ? "Transitions: none\n"
            : "Transitions:\n" + Tables.Render(
                ["STEP", "WEIGHT", "TRANSITION", "MESSAGE"],
                driven.Transitions.Select(t => new[]
                {
                    t.StepIndex is { } i ? $"{i}/{t.StepCount}" : "-",
                    $"{t.PreviousCanaryWeight}% → {t.CanaryWeight}%",
                    t.Kind.ToString(),
                    t.Message,
                }));
        var wake = driven.WakeAt is { } at ? $" (wakes at {at.ToString("O", CultureInfo.InvariantCulture)})" : "";
        return transitions
            + $"Phase:   {(progress.Phase.Length > 0 ? progress.Phase : "-")}\n"
            + $"Step:    {step}\n"
            + (progress.Message.Length > 0 ? $"Message: {progress.Message}\n" : "")
            + $"Stopped: {driven.End}: {driven.Message}{wake}\n";
    }

    /// <summary>
    /// Why the verb failed, or null: Healthy, Paused, a timed pause still running and a restart set for later are where a Rollout rests; Degraded
    /// is the outcome abort asks for; waiting on ReplicaSets past --timeout, Blocked and Refused are failures.
    /// </summary>
    public static string? Failure(RolloutVerb verb, RolloutDriveResult driven) => driven.End switch
    {
        RolloutDriveEnd.Healthy or RolloutDriveEnd.Paused => null,
        RolloutDriveEnd.Waiting when driven.WaitingFor is RolloutWaitingFor.PauseEnd or RolloutWaitingFor.Restart => null,
        RolloutDriveEnd.Waiting => $"Rollout {driven.Id} is still progressing at the end of --timeout: {driven.Message}",
        RolloutDriveEnd.Degraded when verb == RolloutVerb.Abort && driven.Progress.Aborted => null,
        RolloutDriveEnd.Degraded => $"Rollout {driven.Id} is Degraded: {driven.Progress.Message}",
        RolloutDriveEnd.Refused => $"Rollout {driven.Id} is not driven here: {driven.Message}",
        _ => $"Rollout {driven.Id} cannot be driven: {driven.Message}",
    };
}
