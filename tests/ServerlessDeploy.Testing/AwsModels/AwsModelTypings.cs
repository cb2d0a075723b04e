using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ServerlessDeploy.Testing.AwsModels;

/// <summary>
/// What aws-sdk's min.json models leave out, read from the same release's clients/&lt;service&gt;.d.ts: the name of
/// each shape (interfaces with their members' type names, lists, maps), each operation's input and output type, and
/// the enum values (<c>export type FlexibleTimeWindowMode = "OFF"|"FLEXIBLE"|string;</c>). Without the file it knows
/// no names, and enum values go unchecked.
/// </summary>
internal sealed partial class AwsModelTypings
{
    private readonly Dictionary<string, Dictionary<string, string>> _interfaces = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _aliases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string? Input, string? Output)> _operations = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The typings of a model file prefix: apis/metadata.json names them by key, or by a key whose "prefix" is that file prefix.</summary>
    public static AwsModelTypings Load(string apis, string filePrefix)
    {
        var metadataFile = Path.Combine(apis, "metadata.json");
        var metadata = File.Exists(metadataFile) ? JsonNode.Parse(File.ReadAllText(metadataFile))!.AsObject() : [];
        var name = metadata.FirstOrDefault(m => (m.Value?["prefix"]?.GetValue<string>() ?? m.Key) == filePrefix).Key ?? filePrefix;
        var file = Path.Combine(apis, "..", "clients", name + ".d.ts");
        var typings = new AwsModelTypings();
        if (File.Exists(file))
        {
            typings.Read(File.ReadAllLines(file));
        }

        return typings;
    }

    public (string? Input, string? Output) Operation(string operation) => _operations.GetValueOrDefault(operation);

    public IReadOnlyDictionary<string, string>? Fields(string typeName) => _interfaces.GetValueOrDefault(typeName);

    public IReadOnlyList<string> EnumValues(string typeName) =>
        _aliases.TryGetValue(typeName, out var alias) && EnumPattern().IsMatch(alias)
            ? [.. QuotedPattern().Matches(alias).Select(m => m.Groups[1].Value)]
            : [];

    public string? ListElement(string? typeName) => Alias(typeName, ListPattern());

    public string? MapValue(string? typeName) => Alias(typeName, MapPattern());

    private string? Alias(string? typeName, Regex pattern) =>
        typeName is not null && _aliases.TryGetValue(typeName, out var alias) && pattern.Match(alias) is { Success: true } m ? m.Groups[1].Value : null;

    private void Read(IEnumerable<string> lines)
    {
        Dictionary<string, string>? current = null;
        foreach (var line in lines)
        {
            if (InterfacePattern().Match(line) is { Success: true } start)
            {
                _interfaces[start.Groups[1].Value] = current = new(StringComparer.Ordinal);
            }
            else if (current is not null && line.TrimEnd() == "  }")
            {
                current = null;
            }
            else if (current is not null && FieldPattern().Match(line) is { Success: true } field)
            {
                current[field.Groups[1].Value] = field.Groups[2].Value;
            }
            else if (AliasPattern().Match(line) is { Success: true } alias)
            {
                _aliases[alias.Groups[1].Value] = alias.Groups[2].Value;
            }
            else if (MethodPattern().Match(line) is { Success: true } method)
            {
                _operations.TryAdd(method.Groups[1].Value, (method.Groups[2].Value, method.Groups[3].Success ? method.Groups[3].Value : null));
            }
        }
    }

    [GeneratedRegex(@"^  export interface (\w+) \{")]
    private static partial Regex InterfacePattern();

    [GeneratedRegex(@"^    (\w+)\??: ([\w.]+);")]
    private static partial Regex FieldPattern();

    [GeneratedRegex(@"^  export type (\w+) = (.+);")]
    private static partial Regex AliasPattern();

    [GeneratedRegex(@"^  (\w+)\(params: \w+\.Types\.(\w+), callback\?: \(err: AWSError, data: (?:\w+\.Types\.(\w+)|\{\})\)")]
    private static partial Regex MethodPattern();

    [GeneratedRegex(@"^""[^""]*""(\|""[^""]*"")*\|string$")]
    private static partial Regex EnumPattern();

    [GeneratedRegex(@"""([^""]*)""")]
    private static partial Regex QuotedPattern();

    [GeneratedRegex(@"^(\w+)\[\]$")]
    private static partial Regex ListPattern();

    [GeneratedRegex(@"^\{\[key: string\]: (\w+)\}$")]
    private static partial Regex MapPattern();
}
