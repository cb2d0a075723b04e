using k8s.Models;

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

    public static HealthResult Assess(V1Pod pod)
    {
        var status = pod.Status ?? new V1PodStatus();
        var message = status.Message ?? "";
        var policy = pod.Spec?.RestartPolicy;
        var longRunning = policy == "Always" || (IgnoresRestartPolicy(pod) && !HookMarks.IsHook(pod.Metadata?.Annotations));

        if (longRunning && WaitingOnError(status) is { Count: > 0 } errors)
        {
            return HealthResult.Degraded(string.Join(", ", errors));
        }

        return status.Phase switch
        {
            "Pending" => HealthResult.Progressing(message),
            "Succeeded" => HealthResult.Healthy(message),
            "Failed" => HealthResult.Degraded(message.Length > 0 ? message : FailureMessage(status)),
            "Running" when longRunning => Running(status, message),
            "Running" when policy is "OnFailure" or "Never" => HealthResult.Progressing(message),
            _ => HealthResult.Unknown(message),
        };
    }

    private static HealthResult Running(V1PodStatus status, string message)
    {
        if (status.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true)
        {
            return HealthResult.Healthy(message);
        }

        if (status.ContainerStatuses?.Any(c => c.LastState?.Terminated is not null) == true)
        {
            return HealthResult.Degraded(message);
        }

        return HealthResult.Progressing(message);
    }

    /// <summary>The messages of containers waiting on ErrImagePull, CreateContainerConfigError, CrashLoopBackOff and the like.</summary>
    private static List<string> WaitingOnError(V1PodStatus status) =>
        (status.ContainerStatuses ?? [])
            .Select(c => c.State?.Waiting)
            .OfType<V1ContainerStateWaiting>()
            .Where(w => IsErrorReason(w.Reason ?? ""))
            .Select(w => w.Message ?? "")
            .ToList();

    private static bool IsErrorReason(string reason) =>
        reason.StartsWith("Err", StringComparison.Ordinal)
        || reason.EndsWith("Error", StringComparison.Ordinal)
        || reason.EndsWith("BackOff", StringComparison.Ordinal);

    /// <summary>The first terminated container's message, OOMKilled, or its non-zero exit code; init containers first.</summary>
    private static string FailureMessage(V1PodStatus status) =>
        (status.InitContainerStatuses ?? []).Concat(status.ContainerStatuses ?? [])
            .Select(TerminationMessage)
            .FirstOrDefault(m => m.Length > 0) ?? "";

    private static string TerminationMessage(V1ContainerStatus container) => container.State?.Terminated switch
    {
        null => "",
        { Message.Length: > 0 } terminated => terminated.Message,
        { Reason: "OOMKilled" } => "OOMKilled",
        { ExitCode: not 0 } terminated => $"container \"{container.Name}\" failed with exit code {terminated.ExitCode}",
        _ => "",
    };

    private static bool IgnoresRestartPolicy(V1Pod pod) =>
        pod.Metadata?.Annotations?.TryGetValue(IgnoreRestartPolicyAnnotation, out var value) == true && value == "true";
}
