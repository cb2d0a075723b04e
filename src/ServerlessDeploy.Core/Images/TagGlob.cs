using System.Text.RegularExpressions;

namespace ServerlessDeploy.Core.Images;

/// <summary>One pattern of <c>&lt;alias&gt;.ignore-tags</c>, matched against whole tags.</summary>
public sealed class TagGlob
{
    private readonly Regex _regex;

    private TagGlob(string pattern, Regex regex)
    {
        Pattern = pattern;
        _regex = regex;
    }

    public string Pattern { get; }

    /// <summary>The glob, or null when <paramref name="pattern"/> is malformed.</summary>
    public static TagGlob? TryParse(string pattern)
    {
        var expression = GlobTranslator.ToRegex(pattern);
        return expression is null ? null : new TagGlob(pattern, new Regex(expression, RegexOptions.CultureInvariant));
    }

    public bool Matches(string tag) => _regex.IsMatch(tag);
}
