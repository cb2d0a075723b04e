namespace ServerlessDeploy.Core.Engine;

/// <summary>The cluster could not be read or written at all (unreachable, discovery failed): the operation stops with this message.</summary>
public sealed class SyncAbortedException(string message) : Exception(message);
