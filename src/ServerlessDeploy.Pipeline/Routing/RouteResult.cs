using ServerlessDeploy.Pipeline.Deploying;

namespace ServerlessDeploy.Pipeline.Routing;

/// <summary>What the router did with one trigger: the deploy requests it sent, and why apps were or were not concerned.</summary>
public sealed record RouteResult(IReadOnlyList<DeployRequest> Requests, IReadOnlyList<string> Notes)
{
    public string Summary => Requests.Count == 0
        ? $"no app concerned: {string.Join("; ", Notes)}"
        : $"sent {string.Join(", ", Requests.Select(r => $"{r.App} ({r.Reason}{(r.Revision is { } rev ? " " + Core.Applications.Revisions.Abbreviate(rev) : "")})"))}";
}
