namespace ServerlessDeploy.Dashboard.Tests.Live;

/// <summary>Reads a text/event-stream as EventSource does: a message's data lines joined, comments (heartbeats) kept apart.</summary>
public sealed class EventStream(StreamReader reader)
{
    /// <summary>Everything read so far, comments included, for asserting what never went out.</summary>
    public System.Text.StringBuilder Raw { get; } = new();

    public async Task<string> NextMessageAsync(CancellationToken cancellationToken)
    {
        var data = new List<string>();
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            Raw.AppendLine(line);
            if (line.Length == 0 && data.Count > 0)
            {
                return string.Join('\n', data);
            }

            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data.Add(line["data: ".Length..]);
            }
        }

        throw new EndOfStreamException("the event stream ended");
    }

    /// <summary>The next message that satisfies <paramref name="wanted"/>, skipping the others.</summary>
    public async Task<string> NextMessageAsync(Func<string, bool> wanted, CancellationToken cancellationToken)
    {
        while (true)
        {
            var message = await NextMessageAsync(cancellationToken);
            if (wanted(message))
            {
                return message;
            }
        }
    }
}
