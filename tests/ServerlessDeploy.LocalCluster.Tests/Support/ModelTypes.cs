using System.Collections.Frozen;
using System.Reflection;
using k8s.Models;

namespace ServerlessDeploy.LocalCluster.Tests.Support;

/// <summary>
/// KubernetesClient's model type for each apiVersion and kind, taken from the models' KubernetesEntity attributes as
/// KubernetesClient's own YAML loader took them.
/// </summary>
internal static class ModelTypes
{
    private static readonly FrozenDictionary<(string ApiVersion, string Kind), Type> ByKind = typeof(V1Pod).Assembly.GetTypes()
        .Select(type => (Type: type, Entity: type.GetCustomAttribute<KubernetesEntityAttribute>()))
        .Where(t => t.Entity is { Kind.Length: > 0 } && !t.Type.Name.EndsWith("List", StringComparison.Ordinal))
        .ToFrozenDictionary(t => (ApiVersionOf(t.Entity!), t.Entity!.Kind), t => t.Type);

    public static Type Of(string apiVersion, string kind) =>
        ByKind.TryGetValue((apiVersion, kind), out var type) ? type : throw new ArgumentException($"KubernetesClient has no model for {apiVersion} {kind}");

    private static string ApiVersionOf(KubernetesEntityAttribute entity) =>
        entity.Group.Length == 0 ? entity.ApiVersion : $"{entity.Group}/{entity.ApiVersion}";
}
