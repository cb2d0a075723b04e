namespace ServerlessDeploy.Core.Tests.Images;

/// <summary>Builds Application annotations the way users write them: short keys under Image Updater's prefix.</summary>
internal static class Annotations
{
    public const string Prefix = "argocd-image-updater.argoproj.io/";

    /// <summary>Pairs of short key and value, e.g. ("image-list", "web=repo/web").</summary>
    public static Dictionary<string, string> Of(params (string Key, string Value)[] pairs) =>
        pairs.ToDictionary(p => Prefix + p.Key, p => p.Value);
}
