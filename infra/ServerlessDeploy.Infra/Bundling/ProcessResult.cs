namespace ServerlessDeploy.Infra.Bundling;

/// <summary>
/// How a program ran: <see cref="Started"/> is false when it could not be started at all (not on PATH), and then
/// <see cref="Output"/> says why.
/// </summary>
public sealed record ProcessResult(bool Started, int ExitCode, string Output)
{
    public bool Succeeded => Started && ExitCode == 0;

    /// <summary>The last lines of the output, where a failing build or install says what went wrong.</summary>
    public string Tail(int lines = 25)
    {
        var all = Output.TrimEnd().Split('\n');
        return string.Join('\n', all.Skip(Math.Max(0, all.Length - lines)));
    }
}
