using k8s.Exceptions;
using k8s.KubeConfigModels;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ServerlessDeploy.Kubernetes.Connection;

/// <summary>
/// Reads a kubeconfig as KubernetesClientConfiguration.LoadKubeConfig does (same model, camelCase names, unknown fields
/// ignored, FileName set so relative certificate paths resolve), but with a deserializer of its own, so that a file
/// that is not a kubeconfig is named with its line and column. The deserializer is YamlDotNet's static one over the
/// library's own generated context for its kubeconfig models: no reflection, so it also works under Native AOT.
/// </summary>
public static class KubeconfigFile
{
    private static readonly IDeserializer Reader = new StaticDeserializerBuilder(new k8s.KubeConfigModels.StaticContext())
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build();

    /// <exception cref="KubeConfigException">The file is empty or is not a kubeconfig (the message says where).</exception>
    public static K8SConfiguration Load(string path)
    {
        K8SConfiguration? config;
        try
        {
            config = Reader.Deserialize<K8SConfiguration?>(File.ReadAllText(path));
        }
        catch (YamlException e)
        {
            throw new KubeConfigException($"not a kubeconfig: line {e.Start.Line}, column {e.Start.Column}: {Innermost(e).Message}", e);
        }

        config = config ?? throw new KubeConfigException("the file holds no configuration");
        config.FileName = Path.GetFullPath(path);
        return config;
    }

    private static Exception Innermost(Exception e) => e.InnerException is { } inner ? Innermost(inner) : e;
}
