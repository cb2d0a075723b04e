using ServerlessDeploy.Core.Sources;

namespace ServerlessDeploy.Pipeline.Images;

/// <summary>How write-back commits look: their author, the message template (Image Updater's by default), and the branch for apps that follow HEAD.</summary>
public sealed record ImageUpdateSettings(CommitIdentity Author, string? MessageTemplate = null, string DefaultBranch = "main")
{
    public static ImageUpdateSettings Default { get; } = new(new CommitIdentity("serverless-deploy image updater", "image-updater@serverless-deploy.local"));
}
