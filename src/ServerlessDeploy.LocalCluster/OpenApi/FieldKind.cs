namespace ServerlessDeploy.LocalCluster.OpenApi;

/// <summary>What a model property holds on the wire, which decides both its OpenAPI schema and how unknown fields are searched below it.</summary>
internal enum FieldKind
{
    /// <summary>A JSON string, number or boolean.</summary>
    Scalar = 0,

    /// <summary>A number or a string (IntOrString, resource quantities).</summary>
    IntOrString,

    /// <summary>A nested model object with declared fields.</summary>
    Object,

    /// <summary>A JSON array of one element shape.</summary>
    Array,

    /// <summary>A JSON object whose keys are free and whose values share one shape.</summary>
    Map,

    /// <summary>Any JSON value, not checked (RawExtension, JSON, FieldsV1).</summary>
    FreeForm,
}
