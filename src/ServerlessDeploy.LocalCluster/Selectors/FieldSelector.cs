using System.Text.Json.Nodes;
using ServerlessDeploy.LocalCluster.Resources;

namespace ServerlessDeploy.LocalCluster.Selectors;

/// <summary>A field selector (=, ==, != on the fields kube-apiserver indexes for the kind), all clauses ANDed.</summary>
internal sealed class FieldSelector
{
    private static readonly string[] Common = ["metadata.name", "metadata.namespace"];

    private static readonly Dictionary<string, string[]> ByKind = new(StringComparer.Ordinal)
    {
        ["pods"] = ["spec.nodeName", "spec.restartPolicy", "spec.schedulerName", "spec.serviceAccountName", "status.phase", "status.podIP"],
        ["secrets"] = ["type"],
        ["namespaces"] = ["status.phase"],
        ["events"] = ["involvedObject.kind", "involvedObject.namespace", "involvedObject.name", "involvedObject.uid", "reason", "type"],
        ["jobs"] = ["status.successful"],
        ["replicasets"] = ["status.replicas"],
    };

    private readonly IReadOnlyList<(string Field, bool Equal, string Value)> _clauses;

    private FieldSelector(IReadOnlyList<(string, bool, string)> clauses) => _clauses = clauses;

    public static FieldSelector Everything { get; } = new([]);

    public bool Matches(JsonObject obj) => _clauses.All(c => (Read(obj, c.Field) == c.Value) == c.Equal);

    /// <summary>Parses a selector for a kind; an unknown field or a malformed clause throws <see cref="FormatException"/>.</summary>
    public static FieldSelector Parse(string? text, ResourceType type)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        var allowed = Common.Concat(ByKind.GetValueOrDefault(type.Plural, [])).ToHashSet(StringComparer.Ordinal);
        var clauses = text.Split(',').Select(clause =>
        {
            var (field, equal, value) = Split(clause);
            return allowed.Contains(field) ? (field, equal, value) : throw new FormatException($"field label not supported: {field}");
        });
        return new FieldSelector(clauses.ToList());
    }

    private static (string Field, bool Equal, string Value) Split(string clause)
    {
        foreach (var (op, equal) in new[] { ("!=", false), ("==", true), ("=", true) })
        {
            var at = clause.IndexOf(op, StringComparison.Ordinal);
            if (at > 0)
            {
                return (clause[..at].Trim(), equal, clause[(at + op.Length)..].Trim());
            }
        }

        throw new FormatException($"invalid selector: '{clause}'; can't understand '{clause}'");
    }

    private static string Read(JsonObject obj, string path)
    {
        JsonNode? node = obj;
        foreach (var part in path.Split('.'))
        {
            node = node is JsonObject o ? o[part] : null;
        }

        return node?.ToString() ?? "";
    }
}
