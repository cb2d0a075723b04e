using ServerlessDeploy.Core.Images;

namespace ServerlessDeploy.Dashboard.Images;

/// <summary>One image of the app's image-list: how its tag is chosen, which reference runs, and every known tag with why it runs, wins or lost.</summary>
/// <param name="Running">The reference the app runs (its override first); null when the app does not run the image.</param>
/// <param name="Tags">Newest push first; empty when the catalog knows no tag of the image.</param>
public sealed record ImageStanding(string Alias, string Name, UpdateStrategy Strategy, string? Constraint, string? Running, IReadOnlyList<TagStanding> Tags);
