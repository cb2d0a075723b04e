namespace ServerlessDeploy.Pipeline.Deploying;

/// <summary>
/// An app's source that is already on disk, such as a CodePipeline input artifact: the deployer renders the app's path
/// under <paramref name="Root"/> instead of checking out its Git repository, and records <paramref name="Revision"/>.
/// </summary>
/// <param name="Root">The folder that stands for the repository root (the app's source path is under it).</param>
/// <param name="Revision">What is recorded as the deployed revision (the artifact's revision or object key).</param>
public sealed record DeploySource(string Root, string Revision);
