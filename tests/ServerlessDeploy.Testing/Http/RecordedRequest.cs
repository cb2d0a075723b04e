using System.Text;
using System.Text.Json.Nodes;

namespace ServerlessDeploy.Testing.Http;

/// <summary>One request as the recording server received it; header names are matched case-insensitively.</summary>
public sealed record RecordedRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string BodyText => Encoding.UTF8.GetString(Body);

    public JsonNode Json => JsonNode.Parse(Body) ?? throw new InvalidOperationException("the request body is JSON null");

    public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : throw new KeyNotFoundException($"no {name} header was sent");
}
