namespace ServerlessDeploy.State.ReadModel;

/// <summary>
/// What an app list filters by, read from the Application manifest last deployed: its project, its destination, the
/// repositories it renders from and its labels. Every field is empty when the state holds no readable manifest.
/// </summary>
/// <param name="Project">spec.project; "default" when the manifest leaves it out, as Argo CD reads it.</param>
/// <param name="Server">spec.destination.server; empty when the destination is named instead.</param>
/// <param name="ClusterName">spec.destination.name; empty when the destination is given by server.</param>
/// <param name="Namespace">spec.destination.namespace.</param>
/// <param name="Repositories">spec.source.repoURL, then each spec.sources[].repoURL, each once.</param>
/// <param name="Labels">metadata.labels.</param>
public sealed record AppFacets(
    string Project,
    string Server,
    string ClusterName,
    string Namespace,
    IReadOnlyList<string> Repositories,
    IReadOnlyDictionary<string, string> Labels)
{
    public static readonly AppFacets None = new("", "", "", "", [], new Dictionary<string, string>());

    /// <summary>The destination as Argo CD's list shows it: its name when it has one, else its server.</summary>
    public string Cluster => ClusterName.Length > 0 ? ClusterName : Server;
}
