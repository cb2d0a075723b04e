using ServerlessDeploy.Core.Applications;

namespace ServerlessDeploy.Dashboard.Ports;

/// <summary>
/// What Git says an app should be: its source rendered at a revision with image overrides, as the deployer renders it.
/// The app's source (repository, path) may be a history entry's rather than today's.
/// </summary>
public interface IDesiredManifests
{
    Task<RenderedManifests> RenderAsync(Application app, string revision, IReadOnlyList<string> imageOverrides, CancellationToken cancellationToken);
}
