using ServerlessDeploy.Rendering.Sources;

namespace ServerlessDeploy.Rendering.Tools;

/// <summary>One tool: its path, or the message that says where it was looked for and how to provide it.</summary>
public sealed record ToolPath(string? Path, string? Problem)
{
    public static ToolPath Found(string path) => new(path, null);

    public static ToolPath Missing(string problem) => new(null, problem);

    /// <summary>The path; a render that needs a missing tool fails with <see cref="Problem"/>.</summary>
    internal string Require() => Path ?? throw new RenderFailure(Problem!);

    public override string ToString() => Path ?? $"(missing: {Problem})";
}
