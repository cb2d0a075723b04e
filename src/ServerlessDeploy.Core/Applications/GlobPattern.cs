using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace ServerlessDeploy.Core.Applications;

/// <summary>
/// Argo CD's glob (gobwas/glob without separators), as it matches ignoreDifferences group and kind: <c>*</c> any text,
/// <c>?</c> one character, <c>[abc]</c>, <c>[a-z]</c> and <c>[!abc]</c> one of (or none of) a set, <c>{a,b}</c> either
/// pattern, and <c>\</c> quoting the next character. Anything else matches itself.
/// </summary>
internal static class GlobPattern
{
    private static readonly ConcurrentDictionary<string, Regex> Compiled = new(StringComparer.Ordinal);

    public static bool Matches(string pattern, string value)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(value);
        return Compiled.GetOrAdd(pattern, p => new Regex("^" + Translate(p) + "$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))).IsMatch(value);
    }

    private static string Translate(string pattern)
    {
        var regex = new StringBuilder();
        var alternatives = 0;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '*': regex.Append(".*"); break;
                case '?': regex.Append('.'); break;
                case '\\' when i + 1 < pattern.Length: regex.Append(Regex.Escape(pattern[++i].ToString())); break;
                case '[' when pattern.IndexOf(']', i + 1) is var end and > 0:
                    regex.Append(CharacterClass(pattern[(i + 1)..end]));
                    i = end;
                    break;
                case '{': alternatives++; regex.Append("(?:"); break;
                case '}' when alternatives > 0: alternatives--; regex.Append(')'); break;
                case ',' when alternatives > 0: regex.Append('|'); break;
                default: regex.Append(Regex.Escape(c.ToString())); break;
            }
        }

        return regex.ToString();
    }

    private static string CharacterClass(string body)
    {
        var negated = body.StartsWith('!');
        var members = (negated ? body[1..] : body).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("^", "\\^", StringComparison.Ordinal).Replace("[", "\\[", StringComparison.Ordinal);
        return $"[{(negated ? "^" : "")}{members}]";
    }
}
