using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Core.Resources;

namespace ServerlessDeploy.Dashboard.Ports;

/// <summary>
/// The ports' answer in a host that reaches no cluster and no source: every live read and render says so, and the pages
/// show the state alone. A host that can read them registers its own implementations after <c>AddDashboard</c>.
/// </summary>
internal sealed class NoCluster : ILiveResources, IDesiredManifests
{
    private const string Why = "this dashboard is not connected to a cluster or a source";

    public Task<LiveObject> GetAsync(Application app, ResourceKey resource, CancellationToken cancellationToken) => Task.FromResult(LiveObject.NotRead(Why));

    public Task<LiveList> ListAsync(Application app, string group, string kind, string ns, CancellationToken cancellationToken) => Task.FromResult(LiveList.NotRead(Why));

    public Task<RenderedManifests> RenderAsync(Application app, string revision, IReadOnlyList<string> imageOverrides, CancellationToken cancellationToken) =>
        Task.FromResult(RenderedManifests.Failed(Why));
}
