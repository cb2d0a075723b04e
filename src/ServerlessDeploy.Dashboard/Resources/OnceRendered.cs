using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Dashboard.Ports;

namespace ServerlessDeploy.Dashboard.Resources;

/// <summary>
/// Renders once and gives that render again: a live stream polls the cluster often, but Git at one revision does not
/// change, so it renders anew only when the app's record says to render something else (it makes a new one then).
/// </summary>
internal sealed class OnceRendered(IDesiredManifests desired) : IDesiredManifests
{
    private Task<RenderedManifests>? _rendered;

    public Task<RenderedManifests> RenderAsync(Application app, string revision, IReadOnlyList<string> imageOverrides, CancellationToken cancellationToken) =>
        _rendered ??= desired.RenderAsync(app, revision, imageOverrides, cancellationToken);
}
