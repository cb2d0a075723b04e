using ServerlessDeploy.Pipeline.Deploying;

namespace ServerlessDeploy.Pipeline.Routing;

/// <summary>What the router did with one trigger: the deploy requests it sent, and why apps were or were not concerned.</summary>
internal sealed record RouteResult(IReadOnlyList<DeployRequest> Requests, IReadOnlyList<string> Notes)
{
    /// <summary>A reconcile tick's compare passes, one per cluster and shard; empty for every other trigger.</summary>
    public IReadOnlyList<Reconciling.ComparePassRequest> Passes { get; init; } = [];

    /// <summary>What was sent (or that nothing was) and every note, so a file the config repository could not read is reported either way.</summary>
    public string Summary => Passes.Count > 0
        ? $"compare passes: {string.Join(", ", Passes.Select(p => $"{p.Cluster} shard {p.Shard + 1}/{p.Shards}"))}"
            + (Requests.Count > 0 ? $"; sent {string.Join(", ", Requests.Select(r => $"{r.App} ({r.Reason})"))}" : "")
            + (Notes.Count > 0 ? $"; {string.Join("; ", Notes)}" : "")
        : Requests.Count == 0
        ? $"no app concerned: {string.Join("; ", Notes)}"
        : $"sent {string.Join(", ", Requests.Select(r => $"{r.App} ({r.Reason}{(r.Revision is { } rev ? " " + Core.Applications.Revisions.Abbreviate(rev) : "")})"))}"
            + (Notes.Count > 0 ? $"; {string.Join("; ", Notes)}" : "");
}
