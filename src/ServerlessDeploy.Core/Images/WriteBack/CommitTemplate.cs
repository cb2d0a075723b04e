using System.Text;
using System.Text.RegularExpressions;

namespace ServerlessDeploy.Core.Images.WriteBack;

/// <summary>
/// The part of Go's text/template that Image Updater's commit message templates use: fields (`{{ .AppName }}`),
/// one `{{ range .AppChanges }}…{{ end }}` over items with their own fields, and the `{{-`/`-}}` whitespace trims.
/// </summary>
internal static partial class CommitTemplate
{
    private const string Range = "range .AppChanges";

    /// <exception cref="FormatException">An action other than those, or a range without its end.</exception>
    public static string Render(string template, Func<string, string?> fields, IReadOnlyList<Func<string, string?>> items)
    {
        var parts = Parts(template);
        var output = new StringBuilder();
        if (Render(parts, 0, fields, items, output) != parts.Count)
        {
            throw new FormatException("commit message template: {{ end }} without a {{ range }}");
        }

        return output.ToString();
    }

    /// <summary>Writes parts from <paramref name="start"/> up to an `end` (returning its index) or the last part.</summary>
    private static int Render(List<Part> parts, int start, Func<string, string?> fields, IReadOnlyList<Func<string, string?>> items, StringBuilder? output)
    {
        for (var i = start; i < parts.Count; i++)
        {
            var part = parts[i];
            if (!part.IsAction)
            {
                output?.Append(part.Text);
            }
            else if (part.Text == "end")
            {
                return i;
            }
            else if (part.Text == Range)
            {
                // With no items the body is still walked, silently, to find its end.
                var end = items.Count == 0 ? Render(parts, i + 1, fields, [], null) : -1;
                foreach (var item in items)
                {
                    end = Render(parts, i + 1, name => item(name) ?? fields(name), [], output);
                }

                i = end < parts.Count ? end : throw new FormatException("commit message template: {{ range }} without its {{ end }}");
            }
            else
            {
                output?.Append(fields(part.Text) ?? throw new FormatException($"commit message template: unsupported action {{{{ {part.Text} }}}}"));
            }
        }

        return parts.Count;
    }

    private static List<Part> Parts(string template)
    {
        var parts = new List<Part>();
        var at = 0;
        var trimNext = false;
        foreach (Match action in Action().Matches(template))
        {
            var text = template[at..action.Index];
            text = trimNext ? text.TrimStart() : text;
            parts.Add(new Part(false, action.Groups["left"].Success ? text.TrimEnd() : text));
            parts.Add(new Part(true, action.Groups["action"].Value));
            trimNext = action.Groups["right"].Success;
            at = action.Index + action.Length;
        }

        parts.Add(new Part(false, trimNext ? template[at..].TrimStart() : template[at..]));
        return parts;
    }

    private sealed record Part(bool IsAction, string Text);

    [GeneratedRegex(@"\{\{(?<left>-\s)?\s*(?<action>.*?)\s*(?<right>\s-)?\}\}", RegexOptions.Singleline)]
    private static partial Regex Action();
}
