using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using k8s;

namespace ServerlessDeploy.Testing.Kubernetes;

/// <summary>
/// KubernetesClient.Aot reads and writes only the types it compiled metadata for (its models); tests also send and read
/// types of their own (an object of any kind, a list of them). These are its options with reflection after the models'
/// metadata, as KubernetesClient's own options were.
/// </summary>
public static class TestTypesJson
{
    /// <summary>KubernetesJson's options, able to read and write any type.</summary>
    public static JsonSerializerOptions Options { get; } = WithReflection(new KubernetesClientConfiguration().JsonSerializerOptions);

    /// <summary>Lets a client's options (KubernetesClientConfiguration.AddJsonOptions) read and write any type.</summary>
    public static void AddReflection(JsonSerializerOptions options) => options.TypeInfoResolverChain.Add(new DefaultJsonTypeInfoResolver());

    private static JsonSerializerOptions WithReflection(JsonSerializerOptions options)
    {
        AddReflection(options);
        return options;
    }
}
