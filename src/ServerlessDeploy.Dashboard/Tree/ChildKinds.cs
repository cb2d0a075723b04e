namespace ServerlessDeploy.Dashboard.Tree;

/// <summary>
/// The kinds listed to find what an app's resources own (by ownerReferences), as Argo CD's tree shows them: the
/// ReplicaSets of a Deployment or Rollout, their Pods, the Jobs of a CronJob and theirs. Listing every kind would cost
/// a request per served type for little gain.
/// </summary>
public static class ChildKinds
{
    public static IReadOnlyList<(string Group, string Kind)> All { get; } =
    [
        ("apps", "ReplicaSet"),
        ("", "Pod"),
        ("batch", "Job"),
        ("apps", "ControllerRevision"),
    ];
}
