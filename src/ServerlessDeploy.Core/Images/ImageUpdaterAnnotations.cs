namespace ServerlessDeploy.Core.Images;

/// <summary>The names of Argo CD Image Updater's annotations on an Application.</summary>
public static class ImageUpdaterAnnotations
{
    public const string Prefix = "argocd-image-updater.argoproj.io/";
    public const string ImageList = Prefix + "image-list";
    public const string WriteBackMethod = Prefix + "write-back-method";
    public const string GitBranch = Prefix + "git-branch";
    public const string WriteBackTarget = Prefix + "write-back-target";

    public const string UpdateStrategy = "update-strategy";
    public const string AllowTags = "allow-tags";
    public const string IgnoreTags = "ignore-tags";
    public const string HelmImageName = "helm.image-name";
    public const string HelmImageTag = "helm.image-tag";
    public const string HelmImageSpec = "helm.image-spec";
    public const string KustomizeImageName = "kustomize.image-name";
    public const string Platforms = "platforms";
    public const string PullSecret = "pull-secret";

    /// <summary>The key of an image's option; Image Updater writes a '/' of the alias as '_'.</summary>
    public static string ForAlias(string alias, string option) => $"{Prefix}{alias.Replace('/', '_')}.{option}";

    /// <summary>The key of an option that applies to every image of the app that does not set its own.</summary>
    public static string ForApplication(string option) => Prefix + option;

    /// <summary>
    /// The image names an app's image-list names, without aliases, constraints or tags; entries that do not parse are
    /// left out (they are reported when the update itself reads the annotations). What the router matches pushes with.
    /// </summary>
    public static IReadOnlyList<string> ListedImages(IReadOnlyDictionary<string, string> annotations)
    {
        ArgumentNullException.ThrowIfNull(annotations);
        return annotations.TryGetValue(ImageList, out var list) ? ImageListReader.Read(list, []).Select(e => e.Name).ToList() : [];
    }
}
