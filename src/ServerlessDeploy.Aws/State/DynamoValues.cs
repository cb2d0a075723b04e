using System.Globalization;
using Amazon.DynamoDBv2.Model;

namespace ServerlessDeploy.Aws.State;

/// <summary>Builds and reads the attribute values the store uses (strings, integral numbers, binary, instants).</summary>
internal static class DynamoValues
{
    public static AttributeValue S(string value) => new() { S = value };

    public static AttributeValue N(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    public static AttributeValue B(ReadOnlyMemory<byte> value) => new() { B = new MemoryStream(value.ToArray(), writable: false) };

    public static AttributeValue Ticks(DateTimeOffset instant) => N(instant.UtcTicks);

    public static AttributeValue EpochSeconds(DateTimeOffset instant) => N(instant.ToUnixTimeSeconds());

    public static string String(Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) && value.S is { } text
            ? text
            : throw new InvalidDataException($"State item {Describe(item)} has no string attribute '{name}'.");

    public static long Long(Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) && value.N is { } number
            ? long.Parse(number, NumberStyles.Integer, CultureInfo.InvariantCulture)
            : throw new InvalidDataException($"State item {Describe(item)} has no number attribute '{name}'.");

    public static byte[] Bytes(Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) && value.B is { } bytes
            ? bytes.ToArray()
            : throw new InvalidDataException($"State item {Describe(item)} has no binary attribute '{name}'.");

    public static DateTimeOffset Instant(Dictionary<string, AttributeValue> item, string name) =>
        new(Long(item, name), TimeSpan.Zero);

    private static string Describe(Dictionary<string, AttributeValue> item) =>
        $"{item.GetValueOrDefault(DynamoKeys.Pk)?.S}/{item.GetValueOrDefault(DynamoKeys.Sk)?.S}";
}
