using System.Text.Json;
using Amazon.CDK.Assertions;
using ServerlessDeploy.Infra.Deployer;

namespace ServerlessDeploy.Infra.Tests;

/// <summary>Every IAM statement a template grants (AWS::IAM::Policy documents and inline role policies), by role logical id.</summary>
public static class PolicyStatements
{
    /// <summary>
    /// Actions allowed on "*" because the service accepts nothing else, each documented where it is granted: the
    /// pipeline job results (<see cref="FunctionPermissions.PipelineJobResultActions"/>), the network-interface actions
    /// of the VPC option (<see cref="NetworkAccess.NetworkInterfaceActions"/>), and the lambda:ListFunctions CDK's
    /// Lambda invoke action gives a pipeline (the console lists functions; the call has no resource).
    /// </summary>
    public static readonly IReadOnlySet<string> WildcardAllowList =
        FunctionPermissions.PipelineJobResultActions.Concat(NetworkAccess.NetworkInterfaceActions).Append("lambda:ListFunctions").ToHashSet();

    public static void AssertNoWildcardOutsideTheAllowList(Template template)
    {
        var statements = All(template);
        Assert.NotEmpty(statements);
        foreach (var (role, statement) in statements)
        {
            if (LiteralResources(statement).Contains("*"))
            {
                var extra = Actions(statement).Where(a => !WildcardAllowList.Contains(a)).ToList();
                Assert.True(extra.Count == 0, $"{role} grants {string.Join(", ", extra)} on \"*\"");
            }
        }
    }

    public static List<(string Role, JsonElement Statement)> All(Template template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var resources = JsonSerializer.SerializeToElement(template.ToJSON()).GetProperty("Resources");
        var statements = new List<(string, JsonElement)>();
        foreach (var resource in resources.EnumerateObject())
        {
            var type = resource.Value.GetProperty("Type").GetString();
            if (type == "AWS::IAM::Policy")
            {
                var properties = resource.Value.GetProperty("Properties");
                foreach (var role in properties.GetProperty("Roles").EnumerateArray())
                {
                    statements.AddRange(Statements(role.GetProperty("Ref").GetString()!, properties.GetProperty("PolicyDocument")));
                }
            }
            else if (type == "AWS::IAM::Role" && resource.Value.GetProperty("Properties").TryGetProperty("Policies", out var inline))
            {
                statements.AddRange(inline.EnumerateArray().SelectMany(p => Statements(resource.Name, p.GetProperty("PolicyDocument"))));
            }
        }
        return statements;
    }

    public static IEnumerable<string> Actions(JsonElement statement) => Strings(statement.GetProperty("Action"));

    /// <summary>The resources that are plain strings; intrinsic functions (Ref, GetAtt, Join) always name one resource.</summary>
    public static IEnumerable<string> LiteralResources(JsonElement statement) => Strings(statement.GetProperty("Resource"));

    private static IEnumerable<(string, JsonElement)> Statements(string role, JsonElement document) =>
        document.GetProperty("Statement").EnumerateArray().Select(s => (role, s));

    private static IEnumerable<string> Strings(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => [value.GetString()!],
        JsonValueKind.Array => value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!),
        _ => [],
    };
}
