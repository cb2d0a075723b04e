namespace ServerlessDeploy.Core.Images;

/// <summary>A tag known for an image: pushed to its repository with this digest at this time.</summary>
public sealed record ImageCandidate(string Tag, string Digest, DateTimeOffset PushedAt);
