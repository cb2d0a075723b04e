namespace ServerlessDeploy.Aws.Tests.Fakes;

/// <summary>An answer the recording server gives to the next request.</summary>
internal sealed record ScriptedResponse(int Status, string Body, string ContentType = "application/x-amz-json-1.1", IReadOnlyDictionary<string, string>? Headers = null);
