using System.Text.Json;

namespace ServerlessDeploy.Lambda.Runtime;

/// <summary>An error as the Runtime API takes it: type and message only, so nothing else an exception carries (inner exceptions, data, stack locals) leaves the process.</summary>
public sealed record RuntimeError(string ErrorType, string ErrorMessage)
{
    public static RuntimeError From(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new RuntimeError(exception.GetType().Name, exception.Message);
    }

    internal byte[] ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("errorMessage", ErrorMessage);
            writer.WriteString("errorType", ErrorType);
            writer.WriteStartArray("stackTrace");
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
