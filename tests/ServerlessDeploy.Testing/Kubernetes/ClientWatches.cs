using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace ServerlessDeploy.Testing.Kubernetes;

/// <summary>
/// Watches through a KubernetesClient's own HTTP pipeline and credentials, as its WatchList…Async methods did:
/// KubernetesClient.Aot has no watcher. The request goes out on the first MoveNextAsync; the sequence ends when the
/// server ends the stream (timeoutSeconds), and an ERROR event is thrown as the Status it carries.
/// </summary>
public static class ClientWatches
{
    /// <summary>Watches the objects of <typeparamref name="T"/>'s kind, in <paramref name="ns"/> or, when null, in all namespaces.</summary>
    public static async IAsyncEnumerable<(WatchEventType Type, T Object)> WatchAsync<T>(
        this k8s.Kubernetes client,
        string? ns = null,
        string? resourceVersion = null,
        string? labelSelector = null,
        int? timeoutSeconds = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where T : IKubernetesObject
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(client.BaseUri, PathOf<T>(ns) + Query(resourceVersion, labelSelector, timeoutSeconds)));
        if (client.Credentials is { } credentials)
        {
            await credentials.ProcessHttpRequestAsync(request, cancellationToken);
        }

        using var response = await client.HttpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            var watchEvent = JsonNode.Parse(line)!.AsObject();
            var type = Enum.Parse<WatchEventType>(watchEvent["type"]!.GetValue<string>(), ignoreCase: true);
            var obj = watchEvent["object"]!.ToJsonString();
            if (type == WatchEventType.Error)
            {
                throw new KubernetesException(KubernetesJson.Deserialize<V1Status>(obj));
            }

            yield return (type, KubernetesJson.Deserialize<T>(obj));
        }
    }

    private static string PathOf<T>(string? ns)
    {
        var entity = typeof(T).GetCustomAttribute<KubernetesEntityAttribute>()
            ?? throw new ArgumentException($"{typeof(T).Name} is not a KubernetesClient model (no KubernetesEntity attribute)");
        var groupVersion = entity.Group.Length == 0 ? $"api/{entity.ApiVersion}" : $"apis/{entity.Group}/{entity.ApiVersion}";
        return ns is null ? $"{groupVersion}/{entity.PluralName}" : $"{groupVersion}/namespaces/{ns}/{entity.PluralName}";
    }

    private static string Query(string? resourceVersion, string? labelSelector, int? timeoutSeconds)
    {
        var query = "?watch=true";
        if (resourceVersion is not null)
        {
            query += "&resourceVersion=" + Uri.EscapeDataString(resourceVersion);
        }

        if (labelSelector is not null)
        {
            query += "&labelSelector=" + Uri.EscapeDataString(labelSelector);
        }

        if (timeoutSeconds is { } seconds)
        {
            query += "&timeoutSeconds=" + seconds.ToString(CultureInfo.InvariantCulture);
        }

        return query;
    }
}
