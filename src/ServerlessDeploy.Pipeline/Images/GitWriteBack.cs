using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Core.Images;
using ServerlessDeploy.Core.Images.WriteBack;
using ServerlessDeploy.Core.Sources;

namespace ServerlessDeploy.Pipeline.Images;

/// <summary>
/// The file edits of a Git write-back, as Image Updater makes them: the write-back target when one is set (kustomization
/// images, or keys of a Helm values file), otherwise `.argocd-source-&lt;app&gt;.yaml` for Helm and Kustomize apps, and —
/// beyond Image Updater — the image field itself, in place, in every plain-YAML file of the app that names the image.
/// Each edit rewrites the text at the branch head, so a push retried on a moved branch keeps the other writer's change.
/// </summary>
internal static class GitWriteBack
{
    public static async Task<(IReadOnlyList<FileEdit> Edits, IReadOnlyList<ImageChange> Changes)> PlanAsync(
        Application app, ImageUpdaterConfig config, UpdatableImage image, string oldReference, ImageReference chosen, ISourceTree checkout, CancellationToken cancellationToken)
    {
        var sourcePath = app.Source.Path.Trim('/');
        var reference = chosen.ToString();
        var change = (string file) => new ImageChange(file, 0, oldReference, reference);
        if (config.Target is { Kind: WriteBackTargetKind.Kustomization } kustomization)
        {
            var file = Join(kustomization.PathInRepository(sourcePath), "kustomization.yaml");
            var name = image.KustomizeImageName ?? image.Name;
            return ([new FileEdit(file, text => KustomizationImagesEdit.Apply(text, name, name == image.Name ? null : image.Name, chosen.Tag, chosen.Digest))], [change(file)]);
        }

        if (config.Target is { Kind: WriteBackTargetKind.HelmValues } values)
        {
            var file = values.PathInRepository(sourcePath);
            var keys = HelmValues(image, chosen);
            return ([new FileEdit(file, text => HelmValuesEdit.Apply(text, keys))], [change(file)]);
        }

        var overrideFile = Join(sourcePath, $".argocd-source-{app.Name}.yaml");
        switch (SourceKinds.Of(checkout, sourcePath))
        {
            case SourceKind.Helm:
                var parameters = HelmValues(image, chosen);
                return ([new FileEdit(overrideFile, text => ArgoCdSourceFileEdit.Apply(text, parameters, []))], [change(overrideFile)]);
            case SourceKind.Kustomize:
                var entry = image.KustomizeImageName is { } original && original != image.Name ? $"{original}={reference}" : reference;
                return ([new FileEdit(overrideFile, text => ArgoCdSourceFileEdit.Apply(text, [], [entry]))], [change(overrideFile)]);
            default:
                return await PlainFilesAsync(checkout, sourcePath, image.Name, reference, cancellationToken);
        }
    }

    private static async Task<(IReadOnlyList<FileEdit>, IReadOnlyList<ImageChange>)> PlainFilesAsync(
        ISourceTree checkout, string sourcePath, string imageName, string reference, CancellationToken cancellationToken)
    {
        var edits = new List<FileEdit>();
        var changes = new List<ImageChange>();
        var files = checkout.FilesUnder(sourcePath)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var result = PlainYamlImageEdit.Apply(await checkout.ReadTextAsync(file, cancellationToken), imageName, reference, file);
            if (result.Changes.Count > 0)
            {
                changes.AddRange(result.Changes);
                edits.Add(new FileEdit(file, text => text is null ? throw new InvalidOperationException($"{file} is gone from the branch") : PlainYamlImageEdit.Apply(text, imageName, reference, file).Text));
            }
        }

        return (edits, changes);
    }

    /// <summary>The Helm keys for the image: image-spec as one <c>name:tag</c> value, else image-name and image-tag (Image Updater's defaults image.name and image.tag).</summary>
    private static IReadOnlyList<(string, string)> HelmValues(UpdatableImage image, ImageReference chosen)
    {
        var tag = chosen.Digest is null ? chosen.Tag : $"{chosen.Tag}@{chosen.Digest}";
        return image.Helm?.Spec is { } spec
            ? [(spec, chosen.ToString())]
            : [(image.Helm?.Name ?? "image.name", chosen.Name), (image.Helm?.Tag ?? "image.tag", tag)];
    }

    private static string Join(string folder, string file) => folder is "" or "." ? file : $"{folder}/{file}";
}
