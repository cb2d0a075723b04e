using ServerlessDeploy.Core.Resources;

namespace ServerlessDeploy.Dashboard.Resources;

/// <summary>The addresses of an app's resource views, escaped once here so no page builds one by hand.</summary>
public static class ResourceLinks
{
    public static string Page(string app, ResourceKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return $"{App(app)}/resource?group={Escape(key.Group)}&kind={Escape(key.Kind)}&namespace={Escape(key.Namespace)}&name={Escape(key.Name)}";
    }

    /// <summary>The live stream of a resource's page: the same resource, named the same way.</summary>
    public static string Stream(string app, ResourceKey key) => Page(app, key).Replace("/resource?", "/resource/stream?", StringComparison.Ordinal);

    public static string Tree(string app) => $"{App(app)}/tree";

    /// <summary>The tree alone, as the app page loads it inline.</summary>
    public static string TreePanel(string app) => $"{App(app)}/tree/panel";

    public static string Diff(string app) => $"{App(app)}/diff";

    public static string HistoryDiff(string app, long id) => $"{App(app)}/history/{id}/diff";

    public static string App(string app) => $"/applications/{Escape(app)}";

    private static string Escape(string value) => Uri.EscapeDataString(value);
}
