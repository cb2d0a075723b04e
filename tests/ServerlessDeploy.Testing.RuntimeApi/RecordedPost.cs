namespace ServerlessDeploy.Testing.RuntimeApi;

/// <summary>A POST the local Runtime API received (response, invocation error or init error).</summary>
/// <param name="ArrivedAt">A <see cref="System.Diagnostics.Stopwatch"/> timestamp, for the cold-start benchmark's timings.</param>
public sealed record RecordedPost(string Path, string Body, string? ErrorTypeHeader, long ArrivedAt);
