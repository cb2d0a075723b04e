namespace ServerlessDeploy.Functions.CodePipeline;

/// <summary>What the pipeline asks the action to deploy, read from its UserParameters by <see cref="ActionParametersReader"/>.</summary>
/// <param name="Revision">The commit to deploy (Git source only); null means the head of the app's targetRevision.</param>
/// <param name="Image">An image ("name:tag") to deploy in place of the app's current one for that image name.</param>
/// <param name="FromArtifact">Deploy the action's first input artifact instead of the app's Git repository.</param>
internal sealed record ActionParameters(string App, string? Revision = null, string? Image = null, bool FromArtifact = false);
