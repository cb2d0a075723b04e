namespace ServerlessDeploy.Rendering.Sources;

/// <summary>Why rendering stopped; caught at the renderer's boundary and returned as a failed RenderResult.</summary>
internal sealed class RenderFailure(string message) : Exception(message);
