namespace ServerlessDeploy.Dashboard.Apps;

/// <summary>One label the list asks of an app, as a label selector writes it: <c>key=value</c>, or <c>key</c> for any value.</summary>
/// <param name="Value">Null when any value will do.</param>
public sealed record LabelRequirement(string Key, string? Value)
{
    public bool IsMetBy(IReadOnlyDictionary<string, string> labels) =>
        labels.TryGetValue(Key, out var value) && (Value is null || string.Equals(Value, value, StringComparison.Ordinal));

    /// <summary>The requirement read from <paramref name="text"/>; null when it names no valid label key.</summary>
    public static LabelRequirement? Parse(string text)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        var key = equals < 0 ? text : text[..equals];
        return IsKey(key) ? new LabelRequirement(key, equals < 0 ? null : text[(equals + 1)..]) : null;
    }

    public override string ToString() => Value is null ? Key : $"{Key}={Value}";

    /// <summary>Kubernetes label keys: an optional DNS prefix and a slash, then a name of letters, digits, '-', '_' and '.'.</summary>
    private static bool IsKey(string key) =>
        key.Length > 0 && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/');
}
