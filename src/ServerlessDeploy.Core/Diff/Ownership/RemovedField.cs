using System.Text.Json.Nodes;

namespace ServerlessDeploy.Core.Diff.Ownership;

/// <summary>
/// A field Git owned in the live object and no longer sets: the next apply removes it.
/// Path reads as a changed field does (data.b, spec.template.spec.containers[name=web].env[name=DEBUG]);
/// Location (an RFC 6901 JSON pointer) finds it in the live object; Value is what is there now.
/// </summary>
internal sealed record RemovedField(string Path, string Location, JsonNode? Value);
