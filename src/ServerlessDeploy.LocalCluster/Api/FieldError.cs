namespace ServerlessDeploy.LocalCluster.Api;

/// <summary>One invalid field, worded as kube-apiserver's field.Error: "metadata.name: Invalid value: ...".</summary>
internal sealed record FieldError(string Field, string Reason, string Message)
{
    public static FieldError Required(string field, string detail) =>
        new(field, "FieldValueRequired", $"Required value: {detail}");

    public static FieldError InvalidValue(string field, string value, string detail) =>
        new(field, "FieldValueInvalid", $"Invalid value: \"{value}\": {detail}");

    /// <summary>A number is shown bare, as Go's field.Invalid shows an int.</summary>
    public static FieldError InvalidValue(string field, long value, string detail) =>
        new(field, "FieldValueInvalid", $"Invalid value: {value}: {detail}");

    public static FieldError Forbidden(string field, string detail) =>
        new(field, "FieldValueForbidden", $"Forbidden: {detail}");

    public override string ToString() => $"{Field}: {Message}";
}
