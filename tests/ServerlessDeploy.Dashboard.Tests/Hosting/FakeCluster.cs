using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Core.Resources;
using ServerlessDeploy.Dashboard.Ports;

namespace ServerlessDeploy.Dashboard.Tests.Hosting;

/// <summary>The dashboard's live ports from fixed objects, for pages whose point is not the cluster: what Git renders and what the cluster has.</summary>
public sealed class FakeCluster(IReadOnlyList<JsonObject> desired, IReadOnlyList<JsonObject> live) : ILiveResources, IDesiredManifests
{
    public Task<LiveObject> GetAsync(Application app, ResourceKey resource, CancellationToken cancellationToken) =>
        Task.FromResult(live.FirstOrDefault(o => new Manifest(o).Key == resource) is { } found ? LiveObject.Found((JsonObject)found.DeepClone()) : LiveObject.Absent);

    public Task<LiveList> ListAsync(Application app, string group, string kind, string ns, CancellationToken cancellationToken) =>
        Task.FromResult(LiveList.Of([.. live.Select(o => new Manifest(o)).Where(m => m.Group == group && m.Kind == kind && (ns.Length == 0 || m.Namespace == ns)).Select(m => (JsonObject)m.Json.DeepClone())]));

    public Task<RenderedManifests> RenderAsync(Application app, string revision, IReadOnlyList<string> imageOverrides, CancellationToken cancellationToken) =>
        Task.FromResult(RenderedManifests.Of([.. desired.Select(o => (JsonObject)o.DeepClone())]));
}
