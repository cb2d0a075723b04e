namespace ServerlessDeploy.LocalCluster.Selectors;

/// <summary>One clause of a label selector: a key, an operator and the values it takes.</summary>
internal sealed record LabelRequirement(string Key, string Operator, IReadOnlySet<string> Values)
{
    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        var has = labels.TryGetValue(Key, out var value);
        return Operator switch
        {
            "exists" => has,
            "!" => !has,
            "=" or "==" or "in" => has && Values.Contains(value!),
            "!=" or "notin" => !has || !Values.Contains(value!),
            ">" => has && long.TryParse(value, out var gt) && gt > long.Parse(Values.First(), System.Globalization.CultureInfo.InvariantCulture),
            "<" => has && long.TryParse(value, out var lt) && lt < long.Parse(Values.First(), System.Globalization.CultureInfo.InvariantCulture),
            _ => false,
        };
    }
}
