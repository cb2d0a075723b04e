using System.Text.Json;

namespace ServerlessDeploy.Lambda.Runtime;

/// <summary>Writes one JSON object per line (timestamp, level, requestId, message), the shape CloudWatch Logs reads as structured.</summary>
public sealed class JsonLog
{
    private readonly TextWriter _output;
    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();

    public JsonLog(TextWriter output, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(clock);
        _output = output;
        _clock = clock;
    }

    public void Info(string? requestId, string message) => Write("INFO", requestId, message);

    public void Warn(string? requestId, string message) => Write("WARN", requestId, message);

    public void Error(string? requestId, string message) => Write("ERROR", requestId, message);

    public void Write(string level, string? requestId, string message)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("timestamp", _clock.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteString("level", level);
            if (requestId is null)
            {
                writer.WriteNull("requestId");
            }
            else
            {
                writer.WriteString("requestId", requestId);
            }
            writer.WriteString("message", message);
            writer.WriteEndObject();
        }
        var line = System.Text.Encoding.UTF8.GetString(buffer.ToArray());
        lock (_gate)
        {
            _output.WriteLine(line);
            _output.Flush();
        }
    }
}
