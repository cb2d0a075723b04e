using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Core.Images;
using ServerlessDeploy.Core.Images.WriteBack;
using ServerlessDeploy.Core.Sources;
using ServerlessDeploy.Core.Triggers;
using ServerlessDeploy.State;

namespace ServerlessDeploy.Pipeline.Images;

/// <summary>
/// Argo CD Image Updater on the ECR push itself: records the push in the image catalog (seeded from the registry the
/// first time an image is seen), lets the app's strategy compare it with every known tag, and writes the winner back —
/// as image overrides in the state store (method argocd, Image Updater's default) or as one commit to Git (method git).
/// Runs in the deployer, under the app's lease.
/// </summary>
public sealed class ImageUpdater(IImageCatalog catalog, IImageRegistry registry, ISourceWriter writer, ImageUpdateSettings settings)
{
    internal async Task<ImageUpdate> UpdateAsync(Application app, AppState state, ImagePushed push, ISourceTree checkout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(push);
        var (config, errors) = ImageUpdaterConfig.Read(app.Annotations);
        var problems = errors.Count == 0 ? "" : $" (image updater annotations: {string.Join("; ", errors)})";
        if (config?.Images.FirstOrDefault(i => string.Equals(i.Name, push.Image, StringComparison.OrdinalIgnoreCase)) is not { } image)
        {
            return ImageUpdate.None($"no image of the app's image-list is {push.Image}{problems}");
        }

        var known = await CatalogAsync(push, cancellationToken);
        var current = CurrentReference(state, image.Name);
        var decision = TagChooser.Choose(image, known.Select(k => new ImageCandidate(k.Tag, k.Digest, k.PushedAt)).ToList(), current is null ? null : ImageReferences.TagOf(current));
        if (decision.Chosen is not { } chosen)
        {
            return ImageUpdate.None($"{push.Image}:{push.Tag} changes nothing: {decision.Reason}{problems}");
        }

        var reference = ImageReference.For(image, chosen);
        var oldReference = current ?? image.Name;
        if (config.Method == WriteBackMethod.ArgoCd)
        {
            var entry = image.KustomizeImageName is { } original && original != image.Name ? $"{original}={reference}" : reference.ToString();
            var overrides = state.ImageOverrides.Where(o => OverriddenName(o) != OverriddenName(entry)).Append(entry).ToList();
            return new ImageUpdate(ImageUpdateKind.Overrides, $"{image.Name}: {decision.Reason}; kept as an image override", overrides, null, [new ImageChange("", 0, oldReference, reference.ToString())]);
        }

        var (edits, changes) = await GitWriteBack.PlanAsync(app, config, image, oldReference, reference, checkout, cancellationToken);
        if (edits.Count == 0)
        {
            return ImageUpdate.None($"{image.Name}: no file of {app.Source.Path} names the image, nothing to write back");
        }

        var branch = config.GitWriteBranch ?? config.GitBranch ?? (app.Source.TargetRevision is "" or "HEAD" ? settings.DefaultBranch : app.Source.TargetRevision);
        var message = CommitMessage.Render(app.Name, changes, settings.MessageTemplate);
        var commit = await writer.CommitAsync(app.Source.RepoUrl, branch, edits, settings.Author, message, cancellationToken);
        return new ImageUpdate(ImageUpdateKind.Commit, $"{image.Name}: {decision.Reason}; written to {branch} as {Revisions.Abbreviate(commit)}", state.ImageOverrides, commit, changes);
    }

    private async Task<IReadOnlyList<CatalogImage>> CatalogAsync(ImagePushed push, CancellationToken cancellationToken)
    {
        var before = await catalog.ImagesAsync(push.Image, cancellationToken);
        if (before.Count == 0)
        {
            // First push seen for this image: the registry's older tags count too.
            foreach (var seeded in await registry.TagsAsync(push.Image, cancellationToken))
            {
                await catalog.RecordImageAsync(seeded, cancellationToken);
            }
        }

        await catalog.RecordImageAsync(new CatalogImage(push.Image, push.Tag, push.Digest, push.Time), cancellationToken);
        return await catalog.ImagesAsync(push.Image, cancellationToken);
    }

    /// <summary>The image as the app runs it now: its override when it has one, else what the last render deployed.</summary>
    private static string? CurrentReference(AppState state, string image) => ImageReferences.Running(state.ImageOverrides, state.Images, image);

    internal static string OverriddenName(string entry) => entry.Contains('=', StringComparison.Ordinal) ? entry.Split('=', 2)[0] : ImageReferences.NameOf(entry);
}
