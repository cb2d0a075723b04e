namespace ServerlessDeploy.Core.Rollouts;

/// <summary>How Go's encoding/json sees a field's type: the shapes that occur in a pod template.</summary>
internal enum GoShape
{
    String,
    Integer,
    Bool,
    /// <summary>resource.Quantity: a struct that writes itself as its canonical string.</summary>
    Quantity,
    /// <summary>intstr.IntOrString: a struct that writes itself as a number or a string.</summary>
    IntOrString,
    /// <summary>metav1.Time: a struct that writes itself as RFC 3339 in UTC, or null when zero.</summary>
    Time,
    Struct,
    Pointer,
    Slice,
    /// <summary>A map with string keys, which Go writes with its keys sorted.</summary>
    Map,
    /// <summary>A type we do not reproduce (metav1.FieldsV1, raw JSON): its presence makes the hash inexact.</summary>
    Unsupported,
}

/// <summary>A Go type as far as its JSON goes: its shape, the element of a pointer, slice or map, the name of a struct.</summary>
internal sealed record GoType(GoShape Shape, GoType? Element = null, string? StructName = null)
{
    /// <summary>Reads a type as written in <see cref="GoPodTemplateLayout"/>: <c>string</c>, <c>*T</c>, <c>[]T</c>, <c>map&lt;T&gt;</c>, a struct name…</summary>
    public static GoType Parse(string text) => text switch
    {
        "string" => new(GoShape.String),
        "int" => new(GoShape.Integer),
        "bool" => new(GoShape.Bool),
        "quantity" => new(GoShape.Quantity),
        "intOrString" => new(GoShape.IntOrString),
        "time" => new(GoShape.Time),
        "unsupported" => new(GoShape.Unsupported),
        _ when text.StartsWith('*') => new(GoShape.Pointer, Parse(text[1..])),
        _ when text.StartsWith("[]", StringComparison.Ordinal) => new(GoShape.Slice, Parse(text[2..])),
        _ when text.StartsWith("map<", StringComparison.Ordinal) && text.EndsWith('>') => new(GoShape.Map, Parse(text[4..^1])),
        _ => new(GoShape.Struct, StructName: text),
    };
}

/// <summary>One JSON field of a Go struct, with the <c>omitempty</c> / <c>omitzero</c> options of its tag.</summary>
internal sealed record GoField(string JsonName, GoType Type, bool OmitEmpty, bool OmitZero)
{
    /// <summary>Reads one <c>jsonName:type[?][!]</c> token of <see cref="GoPodTemplateLayout"/>.</summary>
    public static GoField Parse(string token)
    {
        var colon = token.IndexOf(':', StringComparison.Ordinal);
        var type = token[(colon + 1)..];
        var omitZero = type.EndsWith('!');
        type = type.TrimEnd('!');
        var omitEmpty = type.EndsWith('?');
        type = type.TrimEnd('?');
        return new GoField(token[..colon], GoType.Parse(type), omitEmpty, omitZero);
    }
}

/// <summary>A Go struct: its JSON fields in declaration order, the order in which Go writes them.</summary>
internal sealed record GoStruct(string Name, IReadOnlyList<GoField> Fields)
{
    public static GoStruct Parse(string name, string layout) =>
        new(name, layout.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(GoField.Parse).ToArray());

    public bool Has(string jsonName) => Fields.Any(f => f.JsonName == jsonName);
}
