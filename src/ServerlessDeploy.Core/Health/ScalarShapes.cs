using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ServerlessDeploy.Core.Health;

/// <summary>
/// Which JSON values a model's scalar field took when the object was converted to it: System.Text.Json's strict
/// defaults (no numbers from text, no text from numbers, integers in range), KubernetesClient's IntOrString (text or a
/// 64-bit integer) and quantity (a number or a quantity text), timestamps as the conversion read them (anything
/// <see cref="DateTime.TryParse(string, IFormatProvider, DateTimeStyles, out DateTime)"/> reads) and strict base64.
/// </summary>
internal static class ScalarShapes
{
    private const int QuotedLength = 60;

    public static bool Fits(JsonValue value, FieldKind kind) => (kind, value.GetValueKind()) switch
    {
        (FieldKind.String, JsonValueKind.String) => true,
        (FieldKind.Boolean, JsonValueKind.True or JsonValueKind.False) => true,
        (FieldKind.Integer, JsonValueKind.Number) => int.TryParse(NumberText(value), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
        (FieldKind.Integer64 or FieldKind.IntOrString, JsonValueKind.Number) => long.TryParse(NumberText(value), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
        (FieldKind.IntOrString, JsonValueKind.String) => true,
        (FieldKind.Quantity, JsonValueKind.Number) => double.IsFinite(double.Parse(NumberText(value), CultureInfo.InvariantCulture)),
        (FieldKind.Quantity, JsonValueKind.String) => QuantityText.IsQuantity(value.GetValue<string>()),
        (FieldKind.Timestamp, JsonValueKind.String) => IsTimestamp(value.GetValue<string>()),
        (FieldKind.Base64, JsonValueKind.String) => IsBase64(value.GetValue<string>()),
        _ => false,
    };

    /// <summary>What a field takes, for a message.</summary>
    public static string Expected(FieldShape shape) => shape.Kind switch
    {
        FieldKind.String => "a string",
        FieldKind.Integer => "a 32-bit integer",
        FieldKind.Integer64 => "a 64-bit integer",
        FieldKind.Boolean => "a boolean",
        FieldKind.Timestamp => "an RFC 3339 timestamp",
        FieldKind.IntOrString => "an integer or a string",
        FieldKind.Quantity => "a quantity",
        FieldKind.Base64 => "base64 text",
        FieldKind.Array => "an array",
        FieldKind.Map => "an object",
        FieldKind.Object => $"an object ({shape.Model})",
        _ => "a value",
    };

    /// <summary>A value as JSON for a message, cut short when long.</summary>
    public static string Quote(JsonNode node)
    {
        var json = node.ToJsonString();
        return json.Length <= QuotedLength ? json : $"{json[..QuotedLength]}...";
    }

    /// <summary>A number as it was written for the conversion (the raw text of a parsed one, the writer's form of a built one).</summary>
    private static string NumberText(JsonValue value) => value.ToJsonString();

    /// <summary>As the converter the conversion used read timestamps: RFC 3339 and anything else .NET reads as a date, as UTC.</summary>
    private static bool IsTimestamp(string text) =>
        DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out _);

    /// <summary>As System.Text.Json reads a byte array: padded base64 with nothing else, not even white space.</summary>
    private static bool IsBase64(string text)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        var bytes = new byte[Base64.GetMaxDecodedFromUtf8Length(utf8.Length)];
        return Base64.DecodeFromUtf8(utf8, bytes, out _, out _) == OperationStatus.Done;
    }
}
