using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ServerlessDeploy.Lambda.Runtime.Events;

/// <summary>Reads an event and turns every way it can be wrong into one <see cref="LambdaEventFormatException"/>.</summary>
internal static class LambdaEventJson
{
    public static T Parse<T>(ReadOnlySpan<byte> json, JsonTypeInfo<T> type, string expected)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(json, type)
                ?? throw new LambdaEventFormatException($"The event is not {expected}: it is JSON null.");
        }
        catch (JsonException e)
        {
            var where = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "" : $" (at {e.Path})";
            throw new LambdaEventFormatException($"The event is not {expected}{where}: {e.Message}", e);
        }
    }
}
