namespace ServerlessDeploy.LocalCluster.Api;

/// <summary>What a resource URL names, as kube-apiserver's RequestInfo reads it.</summary>
internal sealed record RequestTarget(string Group, string Version, string? Namespace, string Plural, string? Name, string? Subresource)
{
    private static readonly HashSet<string> NamespaceSubresources = ["status", "finalize"];

    /// <summary>The one object the URL names (…/{plural}/{name}, with any subresource); null for a collection.</summary>
    public ObjectTarget? Object => Name is null ? null : new ObjectTarget(Namespace, Name, Subresource);

    /// <summary>Parses /api/v1/... and /apis/{group}/{version}/...; null for the group-version root and for anything else.</summary>
    public static RequestTarget? Parse(string path)
    {
        var parts = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        var (group, version, rest) = parts switch
        {
            ["api", var v, .. var r] => ("", v, r),
            ["apis", var g, var v, .. var r] => (g, v, r),
            _ => ("", "", Array.Empty<string>()),
        };
        if (rest.Length == 0)
        {
            return null;
        }

        string? ns = null;
        if (rest is ["namespaces", var nsName, var next, ..] && !NamespaceSubresources.Contains(next))
        {
            ns = nsName;
            rest = rest[2..];
        }

        return rest switch
        {
            [var plural] => new RequestTarget(group, version, ns, plural, null, null),
            [var plural, var name] => new RequestTarget(group, version, ns, plural, name, null),
            [var plural, var name, var sub] => new RequestTarget(group, version, ns, plural, name, sub),
            _ => null,
        };
    }
}

/// <summary>A <see cref="RequestTarget"/> that names one object: its namespace (null for a cluster-scoped kind), name and subresource.</summary>
internal sealed record ObjectTarget(string? Namespace, string Name, string? Subresource);
