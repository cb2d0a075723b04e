namespace ServerlessDeploy.ColdStart;

/// <summary>A POST the local Runtime API received, with its arrival as a Stopwatch timestamp.</summary>
internal sealed record RuntimePost(long ArrivedAt, string Path, string Body);
