using System.Security.Cryptography;
using System.Text;
using ServerlessDeploy.Core.Applications;

namespace ServerlessDeploy.Core.Rendering.Cache;

/// <summary>
/// Everything that decides a render, hashed (SHA-256, lower-case hex): the source commit, what the renderer reads of
/// the Application (<see cref="RenderInputs"/>), the image overrides in their order (a later override of the same image
/// wins, so order matters) and the tool versions.
/// </summary>
public sealed record RenderCacheKey(string Value)
{
    // A key names a file or an object: only a hash is let through, never a path.
    public string Value { get; } = Value is { Length: 64 } && Value.All(char.IsAsciiHexDigitLower)
        ? Value
        : throw new ArgumentException($"a render cache key is 64 lower-case hex digits (a SHA-256), not \"{Value}\"", nameof(Value));

    public static RenderCacheKey Of(Application app, string revision, IReadOnlyList<string> imageOverrides, string toolVersions)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(revision);
        ArgumentNullException.ThrowIfNull(imageOverrides);
        ArgumentNullException.ThrowIfNull(toolVersions);
        var text = RenderInputs.Of(app, revision, imageOverrides, toolVersions).ToJsonString();
        return new RenderCacheKey(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))));
    }

    public override string ToString() => Value;
}
