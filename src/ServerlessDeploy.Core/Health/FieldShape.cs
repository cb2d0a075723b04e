namespace ServerlessDeploy.Core.Health;

/// <summary>What JSON a model's field takes, as <see cref="ModelShapeTable"/> writes it.</summary>
/// <param name="Kind">The kind of value.</param>
/// <param name="NotNull">Null does not convert (the model types the field as a value).</param>
/// <param name="Element">An array's or an object map's element.</param>
/// <param name="Model">A nested model's name.</param>
internal sealed record FieldShape(FieldKind Kind, bool NotNull = false, FieldShape? Element = null, string Model = "")
{
    private const string NotNullMark = ":not-null";

    /// <summary>A kind as the table writes it: "integer:not-null", "[string]", "{quantity}", "V1ObjectMeta".</summary>
    public static FieldShape Parse(string text)
    {
        var notNull = text.EndsWith(NotNullMark, StringComparison.Ordinal);
        var kind = notNull ? text[..^NotNullMark.Length] : text;
        return kind switch
        {
            ['[', .. var element, ']'] => new(FieldKind.Array, notNull, Parse(element)),
            ['{', .. var element, '}'] => new(FieldKind.Map, notNull, Parse(element)),
            "string" => new(FieldKind.String, notNull),
            "integer" => new(FieldKind.Integer, notNull),
            "integer64" => new(FieldKind.Integer64, notNull),
            "boolean" => new(FieldKind.Boolean, notNull),
            "timestamp" => new(FieldKind.Timestamp, notNull),
            "int-or-string" => new(FieldKind.IntOrString, notNull),
            "quantity" => new(FieldKind.Quantity, notNull),
            "base64" => new(FieldKind.Base64, notNull),
            "any" => new(FieldKind.Any, notNull),
            _ => new(FieldKind.Object, notNull, Model: kind),
        };
    }
}

/// <summary>The kinds of JSON value the models' fields take.</summary>
internal enum FieldKind
{
    String,
    Integer,
    Integer64,
    Boolean,
    Timestamp,
    IntOrString,
    Quantity,
    Base64,
    Any,
    Array,
    Map,
    Object,
}
