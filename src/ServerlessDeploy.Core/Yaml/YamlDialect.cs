namespace ServerlessDeploy.Core.Yaml;

/// <summary>How plain scalars resolve and what a mapping may hold.</summary>
public enum YamlDialect
{
    /// <summary>YAML 1.2's core schema; a duplicated key is an error (<see cref="YamlJson"/>).</summary>
    Core,

    /// <summary>
    /// As Kubernetes tools read YAML (sigs.k8s.io/yaml over go-yaml v2): YAML 1.1 scalars (yes/no/on/off are booleans,
    /// 0777 is octal, 1_000 is an integer), <c>&lt;&lt;</c> merge keys, and a duplicated key's last value wins
    /// (<see cref="KubernetesYamlJson"/>).
    /// </summary>
    Kubernetes,
}
