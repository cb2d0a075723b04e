using ServerlessDeploy.Infra.Bundling;

namespace ServerlessDeploy.Infra.Tests;

/// <summary>
/// Records each run and answers with the handler's result; by default <c>dotnet publish</c> writes a small
/// <c>bootstrap</c> into its <c>-o</c> folder and everything else succeeds.
/// </summary>
public sealed class FakeProcessRunner : IProcessRunner
{
    public FakeProcessRunner(Func<string, IReadOnlyList<string>, ProcessResult>? handler = null) => Handler = handler ?? PublishWith(16);

    public Func<string, IReadOnlyList<string>, ProcessResult> Handler { get; set; }

    public List<(string Program, IReadOnlyList<string> Arguments)> Runs { get; } = [];

    public int DotnetRuns => Runs.Count(r => r.Program == "dotnet");

    public ProcessResult Run(string program, IReadOnlyList<string> arguments, string workingDirectory)
    {
        Runs.Add((program, arguments));
        return Handler(program, arguments);
    }

    /// <summary>A publish that writes a <c>bootstrap</c> of <paramref name="bytes"/> (sparse) into the -o folder.</summary>
    public static Func<string, IReadOnlyList<string>, ProcessResult> PublishWith(long bytes) => (program, arguments) =>
    {
        if (program == "dotnet")
        {
            var output = arguments[arguments.ToList().IndexOf("-o") + 1];
            Directory.CreateDirectory(output);
            using var bootstrap = File.Create(Path.Combine(output, "bootstrap"));
            bootstrap.SetLength(bytes);
        }
        return new ProcessResult(true, 0, "done\n");
    };
}
