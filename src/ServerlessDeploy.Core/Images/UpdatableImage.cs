namespace ServerlessDeploy.Core.Images;

/// <summary>One image of an app's <c>image-list</c>, with the options that say how its next tag is chosen and written.</summary>
/// <param name="Alias">The alias from the image-list; for an image listed without one, its name.</param>
/// <param name="Name">The image name without tag, as written in the image-list.</param>
/// <param name="Constraint">The text after the name's colon: a semver range, or the tag the digest strategy follows.</param>
/// <param name="Helm">The Helm keys to write, or null for Image Updater's defaults (<c>image.name</c>, <c>image.tag</c>).</param>
/// <param name="KustomizeImageName">The image name in kustomization <c>images:</c> when it differs from <paramref name="Name"/>.</param>
public sealed record UpdatableImage(
    string Alias,
    string Name,
    string? Constraint,
    UpdateStrategy Strategy,
    TagFilter Filter,
    HelmImageKeys? Helm,
    string? KustomizeImageName);
