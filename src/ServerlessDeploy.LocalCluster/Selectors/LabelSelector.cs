using System.Text.RegularExpressions;

namespace ServerlessDeploy.LocalCluster.Selectors;

/// <summary>
/// A parsed label selector in the string form list calls take: equality (=, ==, !=), set (in, notin),
/// existence (key, !key) and numeric (&gt;, &lt;) requirements, all of which must match.
/// </summary>
internal sealed partial class LabelSelector
{
    private readonly IReadOnlyList<LabelRequirement> _requirements;

    private LabelSelector(IReadOnlyList<LabelRequirement> requirements) => _requirements = requirements;

    public static LabelSelector Everything { get; } = new([]);

    public bool Matches(IReadOnlyDictionary<string, string> labels) => _requirements.All(r => r.Matches(labels));

    /// <summary>Parses a selector; a malformed one throws <see cref="FormatException"/> naming the bad clause.</summary>
    public static LabelSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        return new LabelSelector(SplitClauses(text).Select(ParseClause).ToList());
    }

    private static IEnumerable<string> SplitClauses(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (text[i] == ',' && depth == 0)
            {
                yield return text[start..i].Trim();
                start = i + 1;
            }
        }

        yield return text[start..].Trim();
    }

    private static LabelRequirement ParseClause(string clause)
    {
        var set = SetClause().Match(clause);
        if (set.Success)
        {
            var values = set.Groups["values"].Value.Split(',').Select(v => v.Trim()).Where(v => v.Length > 0);
            return Requirement(set.Groups["key"].Value, set.Groups["op"].Value, values, clause);
        }

        var compare = CompareClause().Match(clause);
        if (compare.Success)
        {
            var op = compare.Groups["op"].Value;
            var value = compare.Groups["value"].Value.Trim();
            if (op is ">" or "<" && !long.TryParse(value, out _))
            {
                throw new FormatException($"unable to parse requirement: for 'Gt', 'Lt' operators, the value must be an integer: {clause}");
            }

            return Requirement(compare.Groups["key"].Value, op, [value], clause);
        }

        var exists = ExistsClause().Match(clause);
        if (exists.Success)
        {
            return Requirement(exists.Groups["key"].Value, exists.Groups["not"].Success ? "!" : "exists", [], clause);
        }

        throw new FormatException($"unable to parse requirement: found '{clause}', expected: key, !key, key=value, key!=value, key in (values) or key notin (values)");
    }

    private static LabelRequirement Requirement(string key, string op, IEnumerable<string> values, string clause)
    {
        if (!LabelKey().IsMatch(key))
        {
            throw new FormatException($"unable to parse requirement: invalid label key \"{key}\" in '{clause}'");
        }

        return new LabelRequirement(key, op, values.ToHashSet(StringComparer.Ordinal));
    }

    [GeneratedRegex(@"^(?<key>\S+)\s+(?<op>in|notin)\s*\((?<values>[^)]*)\)$")]
    private static partial Regex SetClause();

    [GeneratedRegex(@"^(?<key>[^=!<>\s]+)\s*(?<op>==|=|!=|>|<)\s*(?<value>[^=!<>]*)$")]
    private static partial Regex CompareClause();

    [GeneratedRegex(@"^(?<not>!)?\s*(?<key>[^=!<>\s]+)$")]
    private static partial Regex ExistsClause();

    [GeneratedRegex(@"^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$")]
    private static partial Regex LabelKey();
}
