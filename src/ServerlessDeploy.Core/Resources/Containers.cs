using System.Text.Json.Nodes;

namespace ServerlessDeploy.Core.Resources;

/// <summary>
/// The container specs of a manifest wherever its kind keeps them (a Pod's spec, a workload's pod template, a
/// CronJob's job template…): every object in a <c>containers</c>, <c>initContainers</c> or <c>ephemeralContainers</c> list.
/// </summary>
public static class Containers
{
    public static IEnumerable<JsonObject> Of(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList())
                {
                    var found = name is "containers" or "initContainers" or "ephemeralContainers" && value is JsonArray list
                        ? list.OfType<JsonObject>()
                        : Of(value);
                    foreach (var container in found)
                    {
                        yield return container;
                    }
                }

                break;
            case JsonArray array:
                foreach (var container in array.ToList().SelectMany(Of))
                {
                    yield return container;
                }

                break;
        }
    }
}
