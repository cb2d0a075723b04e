using System.Text.Json.Nodes;

namespace ServerlessDeploy.Core.Health;

/// <summary>
/// core/Pod: by phase; a long-running pod (restartPolicy Always, or annotated ignore-restart-policy: "true" and not a
/// hook) is Degraded as soon as a container waits on an error or back-off. Pods with restartPolicy Never or OnFailure
/// stay Progressing while they run; a running pod with no restart policy is Unknown, as in gitops-engine.
/// </summary>
internal static class PodHealth
{
    /// <summary>Argo CD's annotation to judge a Never/OnFailure pod like a long-running one.</summary>
    public const string IgnoreRestartPolicyAnnotation = "argocd.argoproj.io/ignore-restart-policy";

    public static HealthResult Assess(JsonObject pod)
    {
        var status = pod["status"] as JsonObject;
        var annotations = pod["metadata"]?["annotations"] as JsonObject;
        var message = LiveFields.String(status?["message"]) ?? "";
        var policy = LiveFields.String(pod["spec"]?["restartPolicy"]);
        var longRunning = policy == "Always" || (IgnoresRestartPolicy(annotations) && !HookMarks.IsHook(annotations));

        if (longRunning && WaitingOnError(status) is { Count: > 0 } errors)
        {
            return HealthResult.Degraded(string.Join(", ", errors));
        }

        return LiveFields.String(status?["phase"]) switch
        {
            "Pending" => HealthResult.Progressing(message),
            "Succeeded" => HealthResult.Healthy(message),
            "Failed" => HealthResult.Degraded(message.Length > 0 ? message : FailureMessage(status)),
            "Running" when longRunning => Running(status, message),
            "Running" when policy is "OnFailure" or "Never" => HealthResult.Progressing(message),
            _ => HealthResult.Unknown(message),
        };
    }

    private static HealthResult Running(JsonObject? status, string message)
    {
        if (LiveFields.Objects(status?["conditions"]).Any(c => LiveFields.String(c["type"]) == "Ready" && LiveFields.String(c["status"]) == "True"))
        {
            return HealthResult.Healthy(message);
        }

        if (LiveFields.Objects(status?["containerStatuses"]).Any(c => c["lastState"]?["terminated"] is JsonObject))
        {
            return HealthResult.Degraded(message);
        }

        return HealthResult.Progressing(message);
    }

    /// <summary>The messages of containers waiting on ErrImagePull, CreateContainerConfigError, CrashLoopBackOff and the like.</summary>
    private static List<string> WaitingOnError(JsonObject? status) =>
        LiveFields.Objects(status?["containerStatuses"])
            .Select(c => c["state"]?["waiting"])
            .OfType<JsonObject>()
            .Where(w => IsErrorReason(LiveFields.String(w["reason"]) ?? ""))
            .Select(w => LiveFields.String(w["message"]) ?? "")
            .ToList();

    private static bool IsErrorReason(string reason) =>
        reason.StartsWith("Err", StringComparison.Ordinal)
        || reason.EndsWith("Error", StringComparison.Ordinal)
        || reason.EndsWith("BackOff", StringComparison.Ordinal);

    /// <summary>The first terminated container's message, OOMKilled, or its non-zero exit code; init containers first.</summary>
    private static string FailureMessage(JsonObject? status) =>
        LiveFields.Objects(status?["initContainerStatuses"]).Concat(LiveFields.Objects(status?["containerStatuses"]))
            .Select(TerminationMessage)
            .FirstOrDefault(m => m.Length > 0) ?? "";

    private static string TerminationMessage(JsonObject container)
    {
        if (container["state"]?["terminated"] is not JsonObject terminated)
        {
            return "";
        }

        var exitCode = LiveFields.Int(terminated["exitCode"]) ?? 0;
        return (LiveFields.String(terminated["message"]) ?? "", LiveFields.String(terminated["reason"])) switch
        {
            ({ Length: > 0 } message, _) => message,
            (_, "OOMKilled") => "OOMKilled",
            _ when exitCode != 0 => $"container \"{LiveFields.String(container["name"])}\" failed with exit code {exitCode}",
            _ => "",
        };
    }

    private static bool IgnoresRestartPolicy(JsonObject? annotations) =>
        LiveFields.String(annotations?[IgnoreRestartPolicyAnnotation]) == "true";
}
