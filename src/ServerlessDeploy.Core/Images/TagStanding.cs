namespace ServerlessDeploy.Core.Images;

/// <summary>One known tag of an image, where it stands, and why, in the image updater's words.</summary>
public sealed record TagStanding(string Tag, DateTimeOffset PushedAt, TagRole Role, string Reason);
