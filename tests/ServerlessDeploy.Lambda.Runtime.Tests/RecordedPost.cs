namespace ServerlessDeploy.Lambda.Runtime.Tests;

/// <summary>A POST the fake Runtime API received.</summary>
internal sealed record RecordedPost(string Path, string Body, string? ErrorTypeHeader);
