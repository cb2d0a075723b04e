using System.Globalization;
using System.Reflection;

namespace ServerlessDeploy.Rendering.Tools;

/// <summary>
/// What tells one helm, kubectl and renderer from another, for the render cache's key: each binary's resolved path,
/// size and last write time (a stat, no process started: a new version is a new file), and this renderer's version,
/// whose build metadata is the commit it was built from (a renderer built from other code renders anew).
/// </summary>
public static class ToolVersions
{
    /// <summary>The description for the tools as found, read from the file system now; a host computes it once.</summary>
    public static string Of(ToolPaths tools) => Of(tools, ToolFile.Stat, RendererVersion());

    /// <param name="stat">The file facts of a tool's path (injected with the file system); null when it cannot be read.</param>
    internal static string Of(ToolPaths tools, Func<string, ToolFile?> stat, string renderer)
    {
        ArgumentNullException.ThrowIfNull(tools);
        return $"helm={Describe(tools.Helm, stat)}; kubectl={Describe(tools.Kubectl, stat)}; renderer={renderer}";
    }

    private static string Describe(ToolPath tool, Func<string, ToolFile?> stat) =>
        tool.Path is { } path && stat(path) is { } file
            ? string.Create(CultureInfo.InvariantCulture, $"{file.ResolvedPath} {file.Size} {file.LastWriteUtc:O}")
            : "missing";

    private static string RendererVersion() =>
        typeof(ToolVersions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}
