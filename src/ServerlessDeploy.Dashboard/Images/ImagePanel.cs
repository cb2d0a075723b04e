namespace ServerlessDeploy.Dashboard.Images;

/// <summary>The app page's image catalog panel.</summary>
/// <param name="Updated">False when the app has no image updater annotations (nothing follows its registry).</param>
/// <param name="Running">The images the app runs, as its last sync recorded them.</param>
/// <param name="Problems">The annotations the image updater could not use, each naming its key.</param>
public sealed record ImagePanel(bool Updated, IReadOnlyList<string> Running, IReadOnlyList<ImageStanding> Images, IReadOnlyList<string> Problems);
