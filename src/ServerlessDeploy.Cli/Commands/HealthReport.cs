using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ServerlessDeploy.Cli.Commands;

/// <summary>Writes `sdeploy health` rows as a table or as a JSON array of {kind, namespace, name, status, message}.</summary>
internal static class HealthReport
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Json(IEnumerable<HealthRow> rows)
    {
        var array = new JsonArray(rows.Select(row => (JsonNode)new JsonObject
        {
            ["kind"] = row.Kind,
            ["namespace"] = row.Namespace,
            ["name"] = row.Name,
            ["status"] = row.Health?.Status.ToString(),
            ["message"] = row.Health?.Message,
        }).ToArray());
        return array.ToJsonString(Indented);
    }

    public static string Table(IReadOnlyList<HealthRow> rows)
    {
        string[][] cells =
        [
            ["KIND", "NAMESPACE", "NAME", "STATUS", "MESSAGE"],
            .. rows.Select(row => new[]
            {
                row.Kind,
                row.Namespace ?? "-",
                row.Name ?? "-",
                row.Health?.Status.ToString() ?? "-",
                OneLine(row.Health?.Message ?? ""),
            }),
        ];
        var widths = Enumerable.Range(0, 4).Select(column => cells.Max(line => line[column].Length)).ToArray();
        var lines = cells.Select(line =>
            string.Join("   ", line.Take(4).Select((cell, column) => cell.PadRight(widths[column])).Append(line[4])).TrimEnd());
        return string.Join(Environment.NewLine, lines);
    }

    private static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
