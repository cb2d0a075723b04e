namespace ServerlessDeploy.LocalCluster.Apply;

/// <summary>One managedFields entry: which manager owns which fields, by which operation.</summary>
internal sealed record ManagedFieldsEntry(string Manager, string Operation, string ApiVersion, string Time, string? Subresource, IReadOnlySet<string> Fields)
{
    public bool SameOwner(ManagedFieldsEntry other) =>
        Manager == other.Manager && Operation == other.Operation && Subresource == other.Subresource;
}
