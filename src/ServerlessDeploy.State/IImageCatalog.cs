namespace ServerlessDeploy.State;

/// <summary>Every pushed tag of every image the registry reported, for the image updater.</summary>
public interface IImageCatalog
{
    /// <summary>Records a pushed tag; a tag pushed again (moved to a new digest) replaces its earlier record.</summary>
    Task RecordImageAsync(CatalogImage image, CancellationToken cancellationToken);

    /// <summary>Every known tag of <paramref name="image"/>, in no particular order.</summary>
    Task<IReadOnlyList<CatalogImage>> ImagesAsync(string image, CancellationToken cancellationToken);
}
