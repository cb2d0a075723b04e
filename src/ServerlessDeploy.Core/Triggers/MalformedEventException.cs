namespace ServerlessDeploy.Core.Triggers;

/// <summary>Raised inside the readers and caught at their public boundary, where it becomes a value.</summary>
internal sealed class MalformedEventException(string message) : Exception(message);
