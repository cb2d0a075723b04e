using System.Text.Json.Nodes;

namespace ServerlessDeploy.Core.Applications;

/// <summary>Reads an Argo CD AppProject manifest, reporting each invalid or unsupported field.</summary>
public static class AppProjectReader
{
    public static (AppProject? Project, IReadOnlyList<string> Errors) Read(JsonObject manifest)
    {
        var errors = new List<string>();
        var root = new SpecNode(manifest, "", errors);
        if (root.String("apiVersion") != "argoproj.io/v1alpha1" || root.String("kind") != "AppProject")
        {
            return (null, ["not an AppProject (want argoproj.io/v1alpha1 AppProject)"]);
        }

        var metadata = root.Object("metadata");
        var name = metadata.String("name", required: true) ?? "";
        var spec = root.Object("spec");
        spec.String("description");
        var project = new AppProject(
            name,
            spec.Strings("sourceRepos"),
            spec.Objects("destinations").Select(d => Done(d, new ProjectDestination(d.String("server"), d.String("name"), d.String("namespace") ?? "*"))).ToList(),
            GroupKinds(spec, "clusterResourceWhitelist"),
            GroupKinds(spec, "clusterResourceBlacklist"),
            GroupKinds(spec, "namespaceResourceWhitelist"),
            GroupKinds(spec, "namespaceResourceBlacklist"));
        spec.Unsupported("roles", "project roles (access is governed by IAM)");
        spec.Unsupported("syncWindows", "sync windows");
        spec.Unsupported("signatureKeys", "commit signature verification");
        spec.RejectUnknown();
        root.Raw("status");
        root.RejectUnknown();
        return (errors.Count == 0 ? project : null, errors);
    }

    private static List<GroupKind> GroupKinds(SpecNode spec, string field) =>
        spec.Objects(field).Select(g => Done(g, new GroupKind(g.String("group") ?? "", g.String("kind", required: true) ?? ""))).ToList();

    private static T Done<T>(SpecNode node, T value)
    {
        node.RejectUnknown();
        return value;
    }
}
