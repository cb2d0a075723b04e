using ServerlessDeploy.Core.Sources;

namespace ServerlessDeploy.Pipeline.Deploying;

/// <summary>The commit and image overrides a request comes to, or why nothing is deployed.</summary>
/// <param name="ImageChanged">The image updater chose a new image: an automated app syncs even at the same commit.</param>
/// <param name="Described">The revision with its author and message, as the source tells them; null until described.</param>
internal sealed record DeployTarget(string Revision, IReadOnlyList<string> ImageOverrides, string? Refusal = null, bool ImageChanged = false, SourceRevision? Described = null)
{
    public static DeployTarget Refused(string why) => new("", [], why);
}
