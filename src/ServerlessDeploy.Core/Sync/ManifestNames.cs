using ServerlessDeploy.Core.Resources;
using ServerlessDeploy.Core.Sync.Hooks;

namespace ServerlessDeploy.Core.Sync;

/// <summary>How the plan names a resource to a reader: its name, or the <c>generateName</c> prefix of a hook that has none.</summary>
internal static class ManifestNames
{
    public static string NameOrPrefix(Manifest manifest) =>
        manifest.Name.Length > 0 ? manifest.Name : HookNames.GenerateNameOf(manifest.Json) ?? "";

    public static ResourceKey DisplayKey(Manifest manifest) => manifest.Key with { Name = NameOrPrefix(manifest) };
}
