using System.Text;
using System.Text.RegularExpressions;

namespace ServerlessDeploy.Core.Images;

/// <summary>
/// Turns a glob in the syntax of Go's <c>filepath.Match</c> (what Image Updater's ignore-tags uses: <c>*</c>,
/// <c>?</c>, <c>[a-z]</c>, <c>[^0-9]</c>, <c>\</c> escapes) into an anchored regular expression. Tags never hold
/// <c>/</c>, so Go's rule that wildcards stop at a path separator never applies.
/// </summary>
internal static class GlobTranslator
{
    /// <summary>The expression, or null when the glob is malformed (an unclosed or empty class, a dangling escape, a reversed range).</summary>
    public static string? ToRegex(string glob)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < glob.Length; i++)
        {
            switch (glob[i])
            {
                case '*':
                    regex.Append(".*");
                    break;
                case '?':
                    regex.Append('.');
                    break;
                case '[':
                    i = AppendClass(glob, i, regex);
                    if (i < 0)
                    {
                        return null;
                    }

                    break;
                case '\\':
                    if (++i == glob.Length)
                    {
                        return null;
                    }

                    regex.Append(Literal(glob[i]));
                    break;
                default:
                    regex.Append(Literal(glob[i]));
                    break;
            }
        }

        return regex.Append('$').ToString();
    }

    /// <summary>Appends the class that opens at <paramref name="open"/>; returns the index of its ']' or -1 when malformed.</summary>
    private static int AppendClass(string glob, int open, StringBuilder regex)
    {
        var i = open + 1;
        var negated = i < glob.Length && glob[i] == '^';
        if (negated)
        {
            i++;
        }

        var body = new StringBuilder();
        var ranges = 0;
        while (i < glob.Length && (glob[i] != ']' || ranges == 0))
        {
            if (!ReadClassChar(glob, ref i, out var low))
            {
                return -1;
            }

            var high = low;
            if (i < glob.Length && glob[i] == '-')
            {
                i++;
                if (!ReadClassChar(glob, ref i, out high) || high < low)
                {
                    return -1;
                }
            }

            body.Append(ClassChar(low));
            if (high != low)
            {
                body.Append('-').Append(ClassChar(high));
            }

            ranges++;
        }

        if (i == glob.Length)
        {
            return -1;
        }

        regex.Append(negated ? "[^" : "[").Append(body).Append(']');
        return i;
    }

    private static bool ReadClassChar(string glob, ref int i, out char value)
    {
        value = '\0';
        // Go's filepath.Match wants '-' and ']' escaped inside a class.
        if (i >= glob.Length || glob[i] is '-' or ']')
        {
            return false;
        }

        if (glob[i] == '\\' && ++i == glob.Length)
        {
            return false;
        }

        value = glob[i++];
        return true;
    }

    private static string Literal(char c) => Regex.Escape(c.ToString());

    private static string ClassChar(char c) => c is '\\' or ']' or '[' or '^' or '-' ? $"\\{c}" : c.ToString();
}
