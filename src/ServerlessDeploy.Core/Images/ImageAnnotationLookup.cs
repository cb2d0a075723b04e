namespace ServerlessDeploy.Core.Images;

/// <summary>Finds an option of one image among the app's annotations, with the key it was found under.</summary>
internal sealed record ImageAnnotationLookup(ImageListEntry Entry, IReadOnlyDictionary<string, string> Annotations)
{
    /// <summary>
    /// The image's own annotation, else (for options Image Updater also reads app-wide) the application-wide one.
    /// An image listed without alias has no annotations of its own, as in Image Updater.
    /// </summary>
    public (string Key, string Value)? Find(string option, bool applicationWide = false)
    {
        if (Entry.Alias is not null && Annotations.TryGetValue(ImageUpdaterAnnotations.ForAlias(Entry.Alias, option), out var own))
        {
            return (ImageUpdaterAnnotations.ForAlias(Entry.Alias, option), own.Trim());
        }

        var appKey = ImageUpdaterAnnotations.ForApplication(option);
        return applicationWide && Annotations.TryGetValue(appKey, out var shared) ? (appKey, shared.Trim()) : null;
    }
}
