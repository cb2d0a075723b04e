namespace ServerlessDeploy.Core.Cluster;

/// <summary>A kind the cluster serves, as discovery describes it: where its URL lives and whether it is namespaced.</summary>
public sealed record ClusterResourceType(string Group, string Version, string Kind, string Plural, bool Namespaced)
{
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";
}
