using System.Text.Json;

namespace ServerlessDeploy.Lambda.Runtime;

/// <summary>
/// Writes one JSON object per line (timestamp, level, requestId, message), the shape CloudWatch Logs reads as structured.
/// A line that counts something carries it in CloudWatch's embedded metric format, so the count is a metric with no call to CloudWatch.
/// </summary>
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

    /// <param name="counts">A metric (namespace ServerlessDeploy) this line adds one to; null for none.</param>
    public void Write(string level, string? requestId, string message, string? counts = null)
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
            if (counts is not null)
            {
                WriteCount(writer, counts);
            }

            writer.WriteEndObject();
        }

        var line = System.Text.Encoding.UTF8.GetString(buffer.ToArray());
        lock (_gate)
        {
            _output.WriteLine(line);
            _output.Flush();
        }
    }

    private void WriteCount(Utf8JsonWriter writer, string metric)
    {
        writer.WriteNumber(metric, 1);
        writer.WriteStartObject("_aws");
        writer.WriteNumber("Timestamp", _clock.GetUtcNow().ToUnixTimeMilliseconds());
        writer.WriteStartArray("CloudWatchMetrics");
        writer.WriteStartObject();
        writer.WriteString("Namespace", "ServerlessDeploy");
        writer.WriteStartArray("Dimensions");
        writer.WriteStartArray();
        writer.WriteEndArray();
        writer.WriteEndArray();
        writer.WriteStartArray("Metrics");
        writer.WriteStartObject();
        writer.WriteString("Name", metric);
        writer.WriteString("Unit", "Count");
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
