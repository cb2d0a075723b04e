namespace ServerlessDeploy.ColdStart;

/// <summary>One runtime to measure: a label and the command that starts it as a Lambda bootstrap.</summary>
internal sealed record Candidate(string Label, string Program, IReadOnlyList<string> Arguments);
