using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace ServerlessDeploy.Dashboard.Resources;

/// <summary>A unified diff, live ("-") to Git ("+"), with three lines of context around each change; empty when the two agree.</summary>
public static class UnifiedDiff
{
    private const int Context = 3;

    public static string Of(string live, string desired)
    {
        var lines = InlineDiffBuilder.Diff(live, desired, ignoreWhiteSpace: false).Lines;
        var changed = lines.Select((line, i) => (line, i)).Where(p => p.line.Type is ChangeType.Inserted or ChangeType.Deleted).Select(p => p.i).ToList();
        if (changed.Count == 0)
        {
            return "";
        }

        var text = new StringBuilder("--- live\n+++ git\n");
        var shownUpTo = -1;
        foreach (var index in changed)
        {
            var from = Math.Max(index - Context, shownUpTo + 1);
            if (from > shownUpTo + 1)
            {
                text.Append("@@\n");
            }

            var to = Math.Min(index + Context, lines.Count - 1);
            for (var i = from; i <= to; i++)
            {
                text.Append(Mark(lines[i].Type)).Append(lines[i].Text).Append('\n');
            }

            shownUpTo = Math.Max(shownUpTo, to);
        }

        return text.ToString();
    }

    private static char Mark(ChangeType type) => type switch
    {
        ChangeType.Inserted => '+',
        ChangeType.Deleted => '-',
        _ => ' ',
    };
}
