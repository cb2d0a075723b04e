using System.CommandLine;
using ServerlessDeploy.Core.Yaml;

namespace ServerlessDeploy.Cli.Commands;

/// <summary>
/// `sdeploy health -f live.yaml [-o json|table]`: the health of each live object by Argo CD's rules. The file reads as
/// kubectl and Argo CD read YAML (<see cref="YamlDialect.Kubernetes"/>: yes/no/on/off booleans, merge keys, the last of
/// a duplicated key).
/// </summary>
internal static class HealthCommand
{
    public static Command Build(TextWriter output, TextWriter errors)
    {
        var file = new Option<string>("--file", "-f")
        {
            Description = "YAML file of live objects (multi-document; List kinds are flattened)",
            Required = true,
        };
        var format = new Option<string>("--output", "-o") { Description = "Output format", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("health", "Print the health of live Kubernetes objects, as Argo CD assesses it") { file, format };
        command.SetAction((parse, cancellationToken) =>
            RunAsync(parse.GetRequiredValue(file), parse.GetRequiredValue(format), output, errors, cancellationToken));
        return command;
    }

    /// <summary>0 once the report is written; 2 for input that cannot be read, with one message on stderr.</summary>
    private static async Task<int> RunAsync(string path, string format, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        var (objects, readProblem) = await ReadAsync(path, cancellationToken);
        if (readProblem is not null)
        {
            await errors.WriteLineAsync($"error: {path}: {readProblem}");
            return 2;
        }

        var rows = new List<HealthRow>();
        foreach (var obj in objects)
        {
            var (row, problem) = HealthRow.Of(obj.Json);
            if (row is null)
            {
                await errors.WriteLineAsync($"error: {path}: {obj.Location} {problem}");
                return 2;
            }

            rows.Add(row);
        }

        await output.WriteLineAsync(format == "json" ? HealthReport.Json(rows) : HealthReport.Table(rows));
        return 0;
    }

    private static async Task<(IReadOnlyList<YamlObject> Objects, string? Problem)> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (Directory.Exists(path))
        {
            return ([], "is a directory, not a file");
        }

        try
        {
            return (YamlObjects.Read(await File.ReadAllTextAsync(path, cancellationToken), YamlDialect.Kubernetes), null);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return ([], "no such file");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return ([], $"cannot read the file: {e.Message}");
        }
        catch (FormatException e)
        {
            return ([], $"invalid YAML: {e.Message}");
        }
    }
}
