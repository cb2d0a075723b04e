using System.Text.RegularExpressions;
using ServerlessDeploy.LocalCluster.Api;
using ServerlessDeploy.LocalCluster.Resources;

namespace ServerlessDeploy.LocalCluster.Objects;

/// <summary>kube-apiserver's name rules per kind: DNS-1123 subdomain by default, labels for namespaces, DNS-1035 for services.</summary>
internal static partial class NameRules
{
    private const string SubdomainMessage = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
    private const string LabelMessage = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
    private const string Dns1035Message = "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

    public static IReadOnlyList<FieldError> Check(ResourceType type, string name)
    {
        if (name.Length == 0)
        {
            return [FieldError.Required("metadata.name", "name or generateName is required")];
        }

        var detail = type switch
        {
            { Group: "", Plural: "namespaces" } => Label(name, 63, LabelMessage),
            { Group: "", Plural: "services" } => Dns1035().IsMatch(name) && name.Length <= 63 ? null : Dns1035Message,
            { Group: "rbac.authorization.k8s.io" } => PathSegment(name),
            { Group: "apiextensions.k8s.io" } => CrdName(name),
            _ => Subdomain(name),
        };
        return detail is null ? [] : [FieldError.InvalidValue("metadata.name", name, detail)];
    }

    public static string? Subdomain(string name) =>
        name.Length > 253 ? "must be no more than 253 characters" : Dns1123Subdomain().IsMatch(name) ? null : SubdomainMessage;

    private static string? Label(string name, int max, string message) =>
        name.Length > max ? $"must be no more than {max} characters" : Dns1123Label().IsMatch(name) ? null : message;

    private static string? PathSegment(string name) =>
        name is "." or ".." ? $"may not be '{name}'" : name.Contains('/') || name.Contains('%') ? "may not contain '/' or '%'" : null;

    private static string? CrdName(string name) =>
        name.Split('.', 2) is [_, { Length: > 0 }] ? Subdomain(name) : "must be spec.names.plural+\".\"+spec.group";

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex Dns1123Subdomain();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Dns1123Label();

    [GeneratedRegex("^[a-z]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Dns1035();
}
