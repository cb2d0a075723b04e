using System.Text.Json.Nodes;

namespace ServerlessDeploy.Sync.Tests.Support;

/// <summary>One change the API server made, as a watch reports it.</summary>
internal sealed record Change(string Type, string Kind, string Name, long Revision, JsonObject Object)
{
    public override string ToString() => $"{Revision} {Type} {Kind}/{Name}";
}
