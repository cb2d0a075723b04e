using System.Globalization;
using ServerlessDeploy.Cli.Commands.App;
using ServerlessDeploy.Core.Rollouts;

namespace ServerlessDeploy.Cli.Commands.Rollouts;

/// <summary>What a verb printed: the plugin's line for the patch, then each transition the drive made and where it stopped.</summary>
internal static class RolloutDriveReport
{
    /// <summary>"rollout 'web' promoted", as the plugin says it, with the patches sent.</summary>
    public static string Acted(string rollout, RolloutVerb verb, RolloutActionResult acted)
    {
        var done = verb switch
        {
            RolloutVerb.Promote => "promoted",
            RolloutVerb.PromoteFull => "fully promoted",
            RolloutVerb.Abort => "aborted",
            RolloutVerb.Retry => "retried",
            RolloutVerb.Pause => "paused",
            RolloutVerb.Resume => "resumed",
            _ => throw new ArgumentOutOfRangeException(nameof(verb), verb, "no patch is sent for this verb"),
        };
        var sent = acted.Sent.IsEmpty ? "nothing to patch" : string.Join("; ", acted.Sent);
        return $"rollout '{rollout}' {done} ({sent})";
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
    /// Why the verb failed, or null: Healthy, Paused and a timed pause still running are where a Rollout rests; Degraded
    /// is the outcome abort asks for; waiting on ReplicaSets past --timeout, Blocked and Refused are failures.
    /// </summary>
    public static string? Failure(RolloutVerb verb, RolloutDriveResult driven) => driven.End switch
    {
        RolloutDriveEnd.Healthy or RolloutDriveEnd.Paused => null,
        RolloutDriveEnd.Waiting when driven.WaitingFor == RolloutWaitingFor.PauseEnd => null,
        RolloutDriveEnd.Waiting => $"Rollout {driven.Id} is still progressing at the end of --timeout: {driven.Message}",
        RolloutDriveEnd.Degraded when verb == RolloutVerb.Abort && driven.Progress.Aborted => null,
        RolloutDriveEnd.Degraded => $"Rollout {driven.Id} is Degraded: {driven.Progress.Message}",
        RolloutDriveEnd.Refused => $"Rollout {driven.Id} is not driven here: {driven.Message}",
        _ => $"Rollout {driven.Id} cannot be driven: {driven.Message}",
    };
}
