using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.Core;

namespace ServerlessDeploy.Core.Images.WriteBack;

/// <summary>
/// Writes a string as a YAML flow scalar that reads back as that same string: in the style it replaces when that
/// style can hold it, double-quoted when a plain scalar would read as another type (YAML 1.1 or 1.2: `1.10`, `on`,
/// `~`) or would not parse.
/// </summary>
internal static partial class ScalarText
{
    public static string Render(string value, ScalarStyle style) => style switch
    {
        ScalarStyle.SingleQuoted when !value.Any(char.IsControl) => $"'{value.Replace("'", "''", StringComparison.Ordinal)}'",
        ScalarStyle.DoubleQuoted or ScalarStyle.SingleQuoted => DoubleQuoted(value),
        _ => IsPlainString(value) ? value : DoubleQuoted(value),
    };

    /// <summary>Whether <paramref name="value"/> written plain is a string and is exactly that string.</summary>
    public static bool IsPlainString(string value) =>
        value.Length > 0
        && !char.IsWhiteSpace(value[0]) && !char.IsWhiteSpace(value[^1])
        && !"-?:,[]{}#&*!|>'\"%@`".Contains(value[0], StringComparison.Ordinal)
        && !value.Any(c => char.IsControl(c) || ",[]{}".Contains(c, StringComparison.Ordinal))
        && !value.Contains(": ", StringComparison.Ordinal) && !value.Contains(" #", StringComparison.Ordinal) && !value.EndsWith(':')
        && !NotAString().IsMatch(value);

    private static string DoubleQuoted(string value)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in value)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return quoted.Append('"').ToString();
    }

    // Null, booleans, integers (decimal, octal, hex, binary, sexagesimal), floats and dates of YAML 1.1 and 1.2.
    [GeneratedRegex(@"^(~|null|Null|NULL|y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF"
        + @"|[-+]?(0b[01_]+|0o?[0-7_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*(:[0-5]?[0-9])*)"
        + @"|[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)"
        + @"|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?)$")]
    private static partial Regex NotAString();
}
