using k8s.Exceptions;
using k8s.KubeConfigModels;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ServerlessDeploy.Kubernetes.Connection;

/// <summary>
/// Reads a kubeconfig as KubernetesClientConfiguration.LoadKubeConfig does (same model, camelCase names, unknown fields
/// ignored, FileName set so relative certificate paths resolve), but with a deserializer of its own: the library's
/// KubernetesYaml first scans every model type it ships, which costs a short CLI run about 0.2 s and 35 MiB.
/// </summary>
public static class KubeconfigFile
{
    private static readonly IDeserializer Reader = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build();

    public static K8SConfiguration Load(string path)
    {
        var config = Reader.Deserialize<K8SConfiguration?>(File.ReadAllText(path))
            ?? throw new KubeConfigException("the file holds no configuration");
        config.FileName = Path.GetFullPath(path);
        return config;
    }
}
