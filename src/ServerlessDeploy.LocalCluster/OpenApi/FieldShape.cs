namespace ServerlessDeploy.LocalCluster.OpenApi;

/// <summary>The wire shape of a model property, reflected once from its CLR type.</summary>
/// <param name="Model">The nested model type of an <see cref="FieldKind.Object"/>.</param>
/// <param name="Element">The item shape of an array or the value shape of a map.</param>
/// <param name="JsonType">The OpenAPI type of a scalar: string, integer, number or boolean.</param>
/// <param name="Format">The OpenAPI format of a scalar (int32, int64, double, date-time, byte), if any.</param>
internal sealed record FieldShape(
    FieldKind Kind,
    Type? Model = null,
    FieldShape? Element = null,
    string? JsonType = null,
    string? Format = null)
{
    public static FieldShape String { get; } = new(FieldKind.Scalar, JsonType: "string");

    public static FieldShape Boolean { get; } = new(FieldKind.Scalar, JsonType: "boolean");

    public static FieldShape Int32 { get; } = new(FieldKind.Scalar, JsonType: "integer", Format: "int32");

    public static FieldShape Int64 { get; } = new(FieldKind.Scalar, JsonType: "integer", Format: "int64");

    public static FieldShape Double { get; } = new(FieldKind.Scalar, JsonType: "number", Format: "double");

    public static FieldShape DateTime { get; } = new(FieldKind.Scalar, JsonType: "string", Format: "date-time");

    public static FieldShape Bytes { get; } = new(FieldKind.Scalar, JsonType: "string", Format: "byte");

    public static FieldShape IntOrString { get; } = new(FieldKind.IntOrString);

    public static FieldShape FreeForm { get; } = new(FieldKind.FreeForm);

    public static FieldShape ObjectOf(Type model) => new(FieldKind.Object, Model: model);

    public static FieldShape ArrayOf(FieldShape element) => new(FieldKind.Array, Element: element);

    public static FieldShape MapOf(FieldShape value) => new(FieldKind.Map, Element: value);

    /// <summary>True when unknown fields can hide below a value of this shape.</summary>
    public bool HasFields => Kind is FieldKind.Object or FieldKind.Array or FieldKind.Map;
}
