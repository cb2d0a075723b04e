using System.Text;

namespace ServerlessDeploy.Dashboard.Live;

/// <summary>The text/event-stream framing: a message's data one <c>data:</c> line per line, a comment for a heartbeat.</summary>
internal static class ServerSentEvents
{
    public const string ContentType = "text/event-stream";

    public static string Message(string data)
    {
        var text = new StringBuilder();
        foreach (var line in data.ReplaceLineEndings("\n").Split('\n'))
        {
            text.Append("data: ").Append(line).Append('\n');
        }

        return text.Append('\n').ToString();
    }

    public const string Heartbeat = ": heartbeat\n\n";
}
