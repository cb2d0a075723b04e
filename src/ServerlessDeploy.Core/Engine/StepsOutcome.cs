namespace ServerlessDeploy.Core.Engine;

/// <summary>What running a plan's steps came to: success, the message, each resource's result, and where it stopped when out of time.</summary>
internal sealed record StepsOutcome(bool Succeeded, string Message, List<ResourceResult> Results, SyncResume? Suspended);
