using System.Text;
using System.Text.RegularExpressions;

namespace ServerlessDeploy.Rendering.Sources;

/// <summary>The glob patterns Argo CD's directory include/exclude take: *, ?, ** and {a,b} alternatives.</summary>
internal static class FileGlob
{
    public static Regex ToRegex(string pattern)
    {
        var text = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            text.Append(c switch
            {
                '*' when i + 1 < pattern.Length && pattern[i + 1] == '*' => Skip(ref i, ".*"),
                '*' => "[^/]*",
                '?' => "[^/]",
                '{' => "(",
                '}' => ")",
                ',' => "|",
                _ => Regex.Escape(c.ToString()),
            });
        }

        return new Regex(text.Append('$').ToString(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    /// <summary>A file matches when its path relative to the app folder, or its name alone, matches.</summary>
    public static bool Matches(Regex glob, string relativePath) =>
        glob.IsMatch(relativePath) || glob.IsMatch(Path.GetFileName(relativePath));

    private static string Skip(ref int i, string replacement)
    {
        i++;
        return replacement;
    }
}
