using ServerlessDeploy.Core.Images;

namespace ServerlessDeploy.Core.Tests.Images;

/// <summary>Catalog entries for tests: tags pushed one minute apart, in the order given.</summary>
internal static class Pushes
{
    public static readonly DateTimeOffset Start = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    public static List<ImageCandidate> Of(params string[] tags) =>
        tags.Select((tag, i) => new ImageCandidate(tag, Digest(tag), Start.AddMinutes(i))).ToList();

    /// <summary>Comma-separated tags, for table-driven cases.</summary>
    public static List<ImageCandidate> Parse(string tags) =>
        Of(tags.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    public static string Digest(string seed) => "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(seed)));

    public static UpdatableImage Image(UpdateStrategy strategy, string? constraint = null, TagFilter? filter = null) =>
        new("web", "123456789012.dkr.ecr.eu-west-1.amazonaws.com/web", constraint, strategy, filter ?? TagFilter.Any, null, null);
}
