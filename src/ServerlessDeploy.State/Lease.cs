namespace ServerlessDeploy.State;

/// <summary>Who holds an app's lease (one sync per app at a time across the queue, the CodePipeline action and the CLI) and until when.</summary>
public sealed record Lease(string App, string Owner, DateTimeOffset ExpiresAt);
