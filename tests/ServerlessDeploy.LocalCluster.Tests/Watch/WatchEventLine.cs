using System.Text.Json.Nodes;

namespace ServerlessDeploy.LocalCluster.Tests.Watch;

/// <summary>One line of a watch stream: ADDED, MODIFIED, DELETED (or ERROR) and the object.</summary>
internal sealed record WatchEventLine(string Type, JsonObject Object)
{
    public string Name => Object["metadata"]?["name"]?.GetValue<string>() ?? "";

    public long ResourceVersion => long.Parse(Object["metadata"]?["resourceVersion"]?.GetValue<string>() ?? "0", System.Globalization.CultureInfo.InvariantCulture);

    public string? Label(string key) => Object["metadata"]?["labels"]?[key]?.GetValue<string>();

    public override string ToString() => $"{Type} {Name}@{ResourceVersion}";
}
