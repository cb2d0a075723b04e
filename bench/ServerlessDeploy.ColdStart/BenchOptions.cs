using System.Globalization;

namespace ServerlessDeploy.ColdStart;

/// <summary>The command line: published folders to measure (label=folder), the Node.js peer, the handlers, the runs.</summary>
internal sealed record BenchOptions(
    IReadOnlyList<(string Label, string Folder)> Published, string NodePeer, IReadOnlyList<string> Handlers, int Runs, string EventsFolder)
{
    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var published = new List<(string, string)>();
        string? node = null;
        string events = "events";
        IReadOnlyList<string> handlers = ["webhook"];
        var runs = 15;
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            var value = args[i + 1];
            switch (args[i])
            {
                case "--publish":
                    var parts = value.Split('=', 2);
                    published.Add(parts.Length == 2 ? (parts[0], Path.GetFullPath(parts[1])) : throw new ArgumentException($"--publish takes label=folder, not '{value}'."));
                    break;
                case "--node": node = Path.GetFullPath(value); break;
                case "--events": events = Path.GetFullPath(value); break;
                case "--handlers": handlers = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries); break;
                case "--runs": runs = int.Parse(value, CultureInfo.InvariantCulture); break;
                default: throw new ArgumentException($"Unknown option '{args[i]}'.");
            }
        }
        return published.Count == 0 || node is null
            ? throw new ArgumentException("Give at least one --publish label=folder and --node path/to/peer.mjs.")
            : new BenchOptions(published, node, handlers, runs, events);
    }
}
