using k8s;
using ServerlessDeploy.Core.Yaml;

namespace ServerlessDeploy.Testing.Kubernetes;

/// <summary>
/// Reads a one-document manifest into a KubernetesClient model as kubectl reads one: YAML to JSON (sigs.k8s.io/yaml's
/// rules), then the typed model. KubernetesClient.Aot keeps its KubernetesYaml to itself.
/// </summary>
public static class ManifestModels
{
    public static T Read<T>(string yaml) => KubernetesJson.Deserialize<T>(Json(yaml));

    /// <summary>The document's JSON text.</summary>
    public static string Json(string yaml) => YamlObjects.Read(yaml, YamlDialect.Kubernetes).Single().Json.ToJsonString();
}
