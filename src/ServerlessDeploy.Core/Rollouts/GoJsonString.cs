using System.Globalization;
using System.Text;

namespace ServerlessDeploy.Core.Rollouts;

/// <summary>
/// Writes a string the way Go's encoding/json does (Go 1.22 and later, HTML escaping on, as json.Marshal has it):
/// <c>&lt; &gt; &amp;</c> and U+2028/U+2029 as <c>\u003c</c>-style escapes, control characters as <c>\n \r \t \b \f</c>
/// or lower-case <c>\u00XX</c>, everything else as is; a lone surrogate (invalid UTF-8 to Go) becomes <c>\ufffd</c>.
/// </summary>
internal static class GoJsonString
{
    public static void Write(StringBuilder output, string value)
    {
        output.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': output.Append("\\\""); break;
                case '\\': output.Append("\\\\"); break;
                case '\n': output.Append("\\n"); break;
                case '\r': output.Append("\\r"); break;
                case '\t': output.Append("\\t"); break;
                case '\b': output.Append("\\b"); break;
                case '\f': output.Append("\\f"); break;
                case '<' or '>' or '&' or '\u2028' or '\u2029' or < ' ':
                    output.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        output.Append(c).Append(value[++i]);
                    }
                    else if (char.IsSurrogate(c))
                    {
                        output.Append("\\ufffd");
                    }
                    else
                    {
                        output.Append(c);
                    }

                    break;
            }
        }

        output.Append('"');
    }
}
