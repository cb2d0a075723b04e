namespace ServerlessDeploy.LocalCluster.Selectors;

/// <summary>One clause of a label selector: a key, an operator and the values it takes.</summary>
internal sealed record LabelRequirement(string Key, string Operator, IReadOnlySet<string> Values)
{
    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        // Null when the label is absent.
        var value = labels.GetValueOrDefault(Key);
        return Operator switch
        {
            "exists" => value is not null,
            "!" => value is null,
            "=" or "==" or "in" => value is not null && Values.Contains(value),
            "!=" or "notin" => value is null || !Values.Contains(value),
            ">" => value is not null && long.TryParse(value, out var gt) && gt > long.Parse(Values.First(), System.Globalization.CultureInfo.InvariantCulture),
            "<" => value is not null && long.TryParse(value, out var lt) && lt < long.Parse(Values.First(), System.Globalization.CultureInfo.InvariantCulture),
            _ => false,
        };
    }
}
