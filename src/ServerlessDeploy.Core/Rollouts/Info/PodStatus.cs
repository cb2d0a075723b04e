using System.Text.Json.Nodes;

namespace ServerlessDeploy.Core.Rollouts;

/// <summary>
/// A pod's status, ready count and restarts as the plugin words them (info/pod_info.go, after kubectl): the phase or
/// reason, replaced by a container's waiting or terminated reason, and Terminating once deleted. Init containers'
/// states are not read.
/// </summary>
internal static class PodStatus
{
    public static RolloutPodInfo Of(JsonObject pod)
    {
        var status = pod["status"];
        var reason = RolloutJson.Text(status?["reason"]) is { Length: > 0 } given ? given : RolloutJson.Text(status?["phase"]);
        var (ready, restarts, running) = (0, 0, false);
        foreach (var container in (status?["containerStatuses"] as JsonArray ?? []).OfType<JsonObject>().Reverse())
        {
            restarts += RolloutJson.Int(container["restartCount"]) ?? 0;
            var state = container["state"];
            if (RolloutJson.Text(state?["waiting"]?["reason"]) is { Length: > 0 } waiting)
            {
                reason = waiting;
            }
            else if (state?["terminated"] is JsonObject terminated)
            {
                reason = RolloutJson.Text(terminated["reason"]) is { Length: > 0 } ended ? ended
                    : RolloutJson.Int(terminated["signal"]) is { } signal and not 0 ? $"Signal:{signal}"
                    : $"ExitCode:{RolloutJson.Int(terminated["exitCode"]) ?? 0}";
            }
            else if (RolloutJson.Bool(container["ready"]) && state?["running"] is not null)
            {
                (running, ready) = (true, ready + 1);
            }
        }

        if (reason == "Completed" && running)
        {
            reason = "Running";
        }

        var metadata = pod["metadata"];
        if (metadata?["deletionTimestamp"] is not null)
        {
            reason = RolloutJson.Text(status?["reason"]) == "NodeLost" ? "Unknown" : "Terminating";
        }

        var containers = (pod["spec"]?["containers"] as JsonArray)?.Count ?? 0;
        return new RolloutPodInfo(RolloutJson.Text(metadata?["name"]), reason, RolloutJson.Time(metadata?["creationTimestamp"]), $"{ready}/{containers}", restarts);
    }
}
