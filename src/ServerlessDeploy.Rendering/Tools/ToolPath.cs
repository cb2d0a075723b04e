using ServerlessDeploy.Rendering.Sources;

namespace ServerlessDeploy.Rendering.Tools;

/// <summary>One tool: its path and where it was found (SDEPLOY_TOOLS_DIR, the Lambda layer, a checkout's tools/bin, PATH), or the message that says where it was looked for and how to provide it.</summary>
public sealed record ToolPath(string? Path, string? Problem)
{
    /// <summary>Where the tool was found, in words: "SDEPLOY_TOOLS_DIR=/x", "the Lambda layer (/opt)", "this checkout's tools/bin", "PATH".</summary>
    public string? From { get; init; }

    public static ToolPath Found(string path, string from) => new(path, null) { From = from };

    public static ToolPath Missing(string problem) => new(null, problem);

    /// <summary>The path; a render that needs a missing tool fails with <see cref="Problem"/>.</summary>
    internal string Require() => this switch
    {
        { Path: { } path } => path,
        { Problem: { } problem } => throw new RenderFailure(problem),
        _ => throw new InvalidOperationException("a tool is found or missing: Found and Missing each set one of Path and Problem"),
    };

    public override string ToString() => Path ?? $"(missing: {Problem})";
}
