using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ServerlessDeploy.Core.Rollouts;

/// <summary>What re-writing a pod template as Go's JSON came to: the bytes Go would write, or where we cannot follow Go.</summary>
internal abstract record GoJsonOutcome
{
    private GoJsonOutcome()
    {
    }

    /// <summary>The template exactly as Go's <c>json.Marshal</c> of a <c>corev1.PodTemplateSpec</c> writes it.</summary>
    public sealed record Written(string Json) : GoJsonOutcome;

    /// <summary>The field at <paramref name="Path"/> is one we cannot reproduce byte for byte; <paramref name="Reason"/> says why.</summary>
    public sealed record Inexact(string Path, string Reason) : GoJsonOutcome;
}

/// <summary>
/// Re-writes a Rollout's pod template (as found in the manifest) the way the Argo Rollouts controller's Go code
/// serializes it after decoding it into Kubernetes' Go types: fields in Go declaration order, <c>omitempty</c> and
/// <c>omitzero</c> honoured, struct fields written even when empty (<c>"resources":{}</c>), map keys sorted, quantities
/// canonical, Go's string escaping, and the Rollout CRD's schema defaults filled in as the API server does.
/// A field the layout does not know, or a value Go would refuse to decode, gives <see cref="GoJsonOutcome.Inexact"/>.
/// </summary>
internal sealed class GoTemplateJson
{
    private readonly GoLayout _layout;
    private readonly StringBuilder _output = new();

    private GoTemplateJson(GoLayout layout) => _layout = layout;

    public static GoJsonOutcome Write(JsonObject template, GoLayout layout)
    {
        var writer = new GoTemplateJson(layout);
        return (GoJsonOutcome?)writer.WriteStruct(template, "PodTemplateSpec", "spec.template")
            ?? new GoJsonOutcome.Written(writer._output.ToString());
    }

    // Each Write returns null when it wrote the value, or the reason it cannot.
    private GoJsonOutcome.Inexact? WriteStruct(JsonNode? node, string structName, string path)
    {
        if (!_layout.Structs.TryGetValue(structName, out var goStruct))
        {
            return new(path, $"no Go layout for {structName}");
        }

        var fields = node as JsonObject ?? [];
        if (node is not null and not JsonObject)
        {
            return new(path, $"Go cannot decode a {node.GetValueKind()} into {structName}");
        }

        foreach (var (name, _) in fields)
        {
            if (!goStruct.Has(name) && !_layout.Drops(structName, name))
            {
                return new($"{path}.{name}", $"{structName} has no field '{name}' in the Go layout we know");
            }
        }

        _output.Append('{');
        var first = true;
        foreach (var field in goStruct.Fields)
        {
            var value = fields[field.JsonName] ?? _layout.CrdDefault(structName, field.JsonName);
            var fieldPath = $"{path}.{field.JsonName}";
            if ((field.OmitEmpty && IsEmpty(value, field.Type)) || (field.OmitZero && IsZero(value, field.Type)))
            {
                continue;
            }

            if (!first)
            {
                _output.Append(',');
            }

            first = false;
            GoJsonString.Write(_output, field.JsonName);
            _output.Append(':');
            if (WriteValue(value, field.Type, fieldPath) is { } problem)
            {
                return problem;
            }
        }

        _output.Append('}');
        return null;
    }

    private GoJsonOutcome.Inexact? WriteValue(JsonNode? node, GoType type, string path)
    {
        if (node is null)
        {
            return WriteZero(type, path);
        }

        switch (type.Shape)
        {
            case GoShape.String:
                if (!TryString(node, out var text))
                {
                    return new(path, $"Go cannot decode a {node.GetValueKind()} into a string");
                }

                GoJsonString.Write(_output, text);
                return null;
            case GoShape.Integer:
                if (!TryInteger(node, out var integer))
                {
                    return new(path, $"Go cannot decode {node.ToJsonString()} into an integer");
                }

                _output.Append(integer.ToString(CultureInfo.InvariantCulture));
                return null;
            case GoShape.Bool:
                if (node.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
                {
                    return new(path, $"Go cannot decode a {node.GetValueKind()} into a bool");
                }

                _output.Append(node.GetValueKind() == JsonValueKind.True ? "true" : "false");
                return null;
            case GoShape.Quantity:
                var quantityText = node.GetValueKind() switch
                {
                    JsonValueKind.String => node.GetValue<string>(),
                    JsonValueKind.Number => node.ToJsonString(),
                    _ => null,
                };
                if (quantityText is null || KubernetesQuantity.Canonical(quantityText) is not { } canonical)
                {
                    return new(path, $"Go cannot parse {node.ToJsonString()} as a resource quantity");
                }

                _output.Append('"').Append(canonical).Append('"');
                return null;
            case GoShape.IntOrString:
                if (TryString(node, out var intOrString))
                {
                    GoJsonString.Write(_output, intOrString);
                    return null;
                }

                if (!TryInteger(node, out var number) || number is < int.MinValue or > int.MaxValue)
                {
                    return new(path, $"Go cannot decode {node.ToJsonString()} into an int-or-string");
                }

                _output.Append(number.ToString(CultureInfo.InvariantCulture));
                return null;
            case GoShape.Time:
                if (!TryString(node, out var timeText) || !GoTime.TryParse(timeText, out var time))
                {
                    return new(path, $"Go cannot parse {node.ToJsonString()} as an RFC 3339 time");
                }

                _output.Append(GoTime.IsZero(time) ? "null" : $"\"{GoTime.Format(time)}\"");
                return null;
            case GoShape.Struct when type.StructName is { } structName:
                return WriteStruct(node, structName, path);
            case GoShape.Pointer when type.Element is { } pointee:
                return WriteValue(node, pointee, path);
            case GoShape.Slice when type.Element is { } item:
                return WriteSlice(node, item, path);
            case GoShape.Map when type.Element is { } value:
                return WriteMap(node, value, path);
            default:
                return new(path, "a field whose Go JSON we do not reproduce");
        }
    }

    private GoJsonOutcome.Inexact? WriteSlice(JsonNode node, GoType element, string path)
    {
        if (node is not JsonArray items)
        {
            return new(path, $"Go cannot decode a {node.GetValueKind()} into a list");
        }

        _output.Append('[');
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                _output.Append(',');
            }

            if (WriteValue(items[i], element, $"{path}[{i}]") is { } problem)
            {
                return problem;
            }
        }

        _output.Append(']');
        return null;
    }

    private GoJsonOutcome.Inexact? WriteMap(JsonNode node, GoType element, string path)
    {
        if (node is not JsonObject entries)
        {
            return new(path, $"Go cannot decode a {node.GetValueKind()} into a map");
        }

        _output.Append('{');
        var first = true;
        foreach (var (key, value) in entries.OrderBy(e => e.Key, Utf8Order.Instance))
        {
            if (!first)
            {
                _output.Append(',');
            }

            first = false;
            GoJsonString.Write(_output, key);
            _output.Append(':');
            if (WriteValue(value, element, $"{path}.{key}") is { } problem)
            {
                return problem;
            }
        }

        _output.Append('}');
        return null;
    }

    /// <summary>Go's zero value for a field the template leaves out (or sets to null, which the API server prunes).</summary>
    private GoJsonOutcome.Inexact? WriteZero(GoType type, string path)
    {
        switch (type.Shape)
        {
            case GoShape.String: _output.Append("\"\""); return null;
            case GoShape.Integer or GoShape.IntOrString: _output.Append('0'); return null;
            case GoShape.Bool: _output.Append("false"); return null;
            case GoShape.Quantity: _output.Append("\"0\""); return null;
            case GoShape.Time or GoShape.Pointer or GoShape.Slice or GoShape.Map: _output.Append("null"); return null;
            case GoShape.Struct when type.StructName is { } structName: return WriteStruct(null, structName, path);
            default: return new(path, "a field whose Go JSON we do not reproduce");
        }
    }

    /// <summary>Go's <c>omitempty</c>: false, 0, "", nil, and empty lists and maps — never a struct (quantities, times and int-or-strings are structs).</summary>
    private static bool IsEmpty(JsonNode? node, GoType type) => type.Shape switch
    {
        GoShape.Struct or GoShape.Quantity or GoShape.IntOrString or GoShape.Time => false,
        _ when node is null => true,
        GoShape.String => TryString(node, out var text) && text.Length == 0,
        GoShape.Integer => TryInteger(node, out var integer) && integer == 0,
        GoShape.Bool => node.GetValueKind() == JsonValueKind.False,
        GoShape.Slice => node is JsonArray { Count: 0 },
        GoShape.Map => node is JsonObject { Count: 0 },
        _ => false,
    };

    /// <summary>Go's <c>omitzero</c>, as the pod template uses it: on metav1.Time, whose IsZero is the year-1 instant.</summary>
    private static bool IsZero(JsonNode? node, GoType type) => type.Shape switch
    {
        _ when node is null => true,
        GoShape.Time => TryString(node, out var text) && GoTime.TryParse(text, out var time) && GoTime.IsZero(time),
        _ => IsEmpty(node, type),
    };

    private static bool TryString(JsonNode node, out string text)
    {
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            text = value.GetValue<string>();
            return true;
        }

        text = "";
        return false;
    }

    /// <summary>Go decodes a JSON number into an integer field only when it is written as an integer.</summary>
    private static bool TryInteger(JsonNode node, out long integer)
    {
        integer = 0;
        if (node.GetValueKind() != JsonValueKind.Number)
        {
            return false;
        }

        var raw = node.ToJsonString();
        return raw.All(c => char.IsAsciiDigit(c) || c == '-')
            && long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out integer);
    }

    /// <summary>Go sorts map keys by their UTF-8 bytes.</summary>
    private sealed class Utf8Order : IComparer<string>
    {
        public static readonly Utf8Order Instance = new();

        public int Compare(string? x, string? y) =>
            Encoding.UTF8.GetBytes(x ?? "").AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(y ?? ""));
    }
}
