using System.Text;
using ServerlessDeploy.Cli.Commands.App;
using ServerlessDeploy.Core.Rollouts;

namespace ServerlessDeploy.Cli.Commands.Rollouts;

/// <summary>
/// `sdeploy rollouts get`'s text, laid out as `kubectl argo rollouts get rollout` prints it (cmd/get/get_rollout.go,
/// without colour): the header fields, the steps with the current one marked (the plugin's dashboard shows them),
/// then the tree of revisions, ReplicaSets and pods with the plugin's icons.
/// </summary>
internal static class RolloutGetTable
{
    public static string Render(RolloutInfo info, DateTimeOffset now)
    {
        var text = new StringBuilder();
        Field(text, "Name:", info.Name);
        Field(text, "Namespace:", info.Namespace);
        Field(text, "Status:", $"{RolloutIcon(info.Phase)} {info.Phase}");
        if (info.Message.Length > 0)
        {
            Field(text, "Message:", info.Message);
        }

        Field(text, "Strategy:", "Canary");
        Field(text, "  Step:", info.StepIndex is { } index ? $"{index}/{info.Steps.Length}" : "");
        Field(text, "  SetWeight:", $"{info.SetWeight}");
        Field(text, "  ActualWeight:", $"{info.ActualWeight}");
        foreach (var (image, i) in info.Images.Select((image, i) => (image, i)))
        {
            Field(text, i == 0 ? "Images:" : "", image.Tags.IsEmpty ? image.Image : $"{image.Image} ({string.Join(", ", image.Tags)})");
        }

        text.Append("Replicas:\n");
        Field(text, "  Desired:", $"{info.Replicas.Desired}");
        Field(text, "  Current:", $"{info.Replicas.Current}");
        Field(text, "  Updated:", $"{info.Replicas.Updated}");
        Field(text, "  Ready:", $"{info.Replicas.Ready}");
        Field(text, "  Available:", $"{info.Replicas.Available}");
        if (!info.Steps.IsEmpty)
        {
            text.Append("\nSteps:\n");
            foreach (var (step, i) in info.Steps.Select((step, i) => (step, i)))
            {
                text.Append(i == info.StepIndex ? "→ " : "  ").Append(i).Append("  ").AppendJoin(", ", step.Select(s => $"{s.Key}: {s.Value?.ToJsonString()}")).Append('\n');
            }
        }

        return text.Append('\n').Append(Tables.Render(["NAME", "KIND", "STATUS", "AGE", "INFO"], Tree(info, now))).ToString();
    }

    private static IEnumerable<string[]> Tree(RolloutInfo info, DateTimeOffset now)
    {
        yield return [$"⟳ {info.Name}", "Rollout", $"{RolloutIcon(info.Phase)} {info.Phase}", Age(info.CreatedAt, now), ""];
        var revisions = info.ReplicaSets.GroupBy(rs => rs.Revision).ToList();
        foreach (var (revision, r) in revisions.Select((revision, r) => (revision, r)))
        {
            var (prefix, sub) = Prefixes(r == revisions.Count - 1, "");
            yield return [$"{prefix}# revision:{revision.Key}", "", "", "", ""];
            var sets = revision.ToList();
            foreach (var (rs, s) in sets.Select((rs, s) => (rs, s)))
            {
                var (rsPrefix, rsSub) = Prefixes(s == sets.Count - 1, sub);
                yield return [$"{rsPrefix}⧉ {rs.Name}", "ReplicaSet", $"{ReplicaSetIcon(rs.Status)} {rs.Status}", Age(rs.CreatedAt, now), ReplicaSetTags(rs, info.Aborted)];
                foreach (var (pod, p) in rs.Pods.Select((pod, p) => (pod, p)))
                {
                    var (podPrefix, _) = Prefixes(p == rs.Pods.Length - 1, rsSub);
                    var podTags = pod.Restarts > 0 ? $"ready:{pod.Ready},restarts:{pod.Restarts}" : $"ready:{pod.Ready}";
                    yield return [$"{podPrefix}□ {pod.Name}", "Pod", $"{PodIcon(pod.Status)} {pod.Status}", Age(pod.CreatedAt, now), podTags];
                }
            }
        }
    }

    /// <summary>The roles; where no pods exist (the local API server runs none), the ReplicaSet's ready count stands for them.</summary>
    private static string ReplicaSetTags(RolloutReplicaSetInfo rs, bool aborted)
    {
        var tags = new List<string>();
        if (rs.Stable)
        {
            tags.Add("stable");
        }

        if (rs.Canary)
        {
            tags.Add(aborted ? "canary,aborted" : "canary");
        }

        if (rs.Pods.IsEmpty)
        {
            tags.Add($"ready:{rs.Ready}/{rs.Desired}");
        }

        return string.Join(",", tags);
    }

    private static (string Prefix, string Sub) Prefixes(bool last, string sub) => last ? (sub + "└──", sub + "   ") : (sub + "├──", sub + "│  ");

    private static void Field(StringBuilder text, string name, string value) => text.Append(name.PadRight(17)).Append(value).Append('\n');

    private static string Age(DateTimeOffset? created, DateTimeOffset now) => created is { } at ? HumanDuration.Of(now - at) : "";

    private static string RolloutIcon(string phase) => phase switch
    {
        "Progressing" => "◌",
        "Error" or "InvalidSpec" => "⚠",
        "Paused" => "॥",
        "Healthy" => "✔",
        "Degraded" => "✖",
        "Unknown" => "?",
        "ScaledDown" => "•",
        _ => " ",
    };

    private static string ReplicaSetIcon(string status) => status switch
    {
        "Progressing" => "◌",
        "Healthy" => "✔",
        "ReplicaFailure" => "✖",
        "ScaledDown" => "•",
        _ => " ",
    };

    private static string PodIcon(string status) => status switch
    {
        _ when status.StartsWith("Init:", StringComparison.Ordinal) => "◌",
        _ when status.StartsWith("Signal:", StringComparison.Ordinal) || status.StartsWith("ExitCode:", StringComparison.Ordinal) => "✖",
        _ when status.EndsWith("Error", StringComparison.Ordinal) || status.StartsWith("Err", StringComparison.Ordinal) => "⚠",
        "Pending" or "Terminating" or "ContainerCreating" => "◌",
        "Running" or "Completed" => "✔",
        "Failed" or "InvalidImageName" or "CrashLoopBackOff" => "✖",
        "ImagePullBackOff" or "RegistryUnavailable" => "⚠",
        "Unknown" => "?",
        _ => " ",
    };
}
