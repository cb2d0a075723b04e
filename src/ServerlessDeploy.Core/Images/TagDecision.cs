namespace ServerlessDeploy.Core.Images;

/// <summary>What a strategy decided for an image: the tag to deploy, or no change; either way why, in one line.</summary>
/// <param name="Chosen">The tag to move to (for the digest strategy, with the digest to pin); null when nothing changes.</param>
public sealed record TagDecision(ImageCandidate? Chosen, string Reason)
{
    public bool Changes => Chosen is not null;

    internal static TagDecision NoChange(string reason) => new(null, reason);
}
