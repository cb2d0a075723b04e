using ServerlessDeploy.Core.Images;
using ServerlessDeploy.Core.Images.WriteBack;
using ServerlessDeploy.State;

namespace ServerlessDeploy.Dashboard.Images;

/// <summary>
/// The image catalog panel from the state: the app's image updater annotations read as the pipeline reads them, and
/// each listed image's known tags ranked by the updater's own chooser.
/// </summary>
public sealed class ImagePanelQuery(IStateReads reads, IImageCatalog catalog)
{
    public async Task<ImagePanel> GetAsync(string app, CancellationToken cancellationToken)
    {
        if (await reads.GetAppAsync(app, cancellationToken) is not { } state)
        {
            return new ImagePanel(false, [], [], []);
        }

        var (config, errors) = ImageUpdaterConfig.Read(ApplicationAnnotationsJson.Read(state.Manifest));
        var images = new List<ImageStanding>();
        foreach (var image in config?.Images ?? [])
        {
            images.Add(await StandingAsync(state, image, cancellationToken));
        }

        return new ImagePanel(config is not null || errors.Count > 0, state.Images, images, errors);
    }

    private async Task<ImageStanding> StandingAsync(AppState state, UpdatableImage image, CancellationToken cancellationToken)
    {
        var known = (await catalog.ImagesAsync(image.Name, cancellationToken)).Select(pushed => new ImageCandidate(pushed.Tag, pushed.Digest, pushed.PushedAt)).ToList();
        var running = ImageReferences.Running(state.ImageOverrides, state.Images, image.Name);
        var tags = TagStandings.Explain(image, known, running is null ? null : ImageReferences.TagOf(running));
        return new ImageStanding(image.Alias, image.Name, image.Strategy, image.Constraint, running, tags);
    }
}
