using System.Text.Json;
using System.Text.RegularExpressions;
using Amazon.CDK.Assertions;
using ServerlessDeploy.Infra.Deployer;

namespace ServerlessDeploy.Infra.Tests;

/// <summary>Every IAM statement a template grants (AWS::IAM::Policy documents and inline role policies), by role logical id.</summary>
public static partial class PolicyStatements
{
    /// <summary>
    /// Actions allowed on "*" because the service accepts nothing else, each documented where it is granted: the
    /// pipeline job results (<see cref="FunctionPermissions.PipelineJobResultActions"/>), the network-interface actions
    /// of the VPC option (<see cref="NetworkAccess.NetworkInterfaceActions"/>), and the lambda:ListFunctions CDK's
    /// Lambda invoke action gives a pipeline (the console lists functions; the call has no resource).
    /// </summary>
    public static readonly IReadOnlySet<string> WildcardAllowList =
        FunctionPermissions.PipelineJobResultActions.Concat(NetworkAccess.NetworkInterfaceActions).Append("lambda:ListFunctions").ToHashSet();

    /// <summary>
    /// Resources that end in a wildcard, each allowed only with the actions that need it: the deployer's schedules
    /// (every schedule of one named group, <see cref="WakeUpSchedules.ScheduleActions"/>) and, when every ECR repository
    /// is watched, the account's repositories (ecr:DescribeImages).
    /// </summary>
    public static readonly IReadOnlyList<(Regex Resource, IReadOnlySet<string> Actions)> PartialWildcardAllowList =
    [
        (ScheduleOfOneGroup(), WakeUpSchedules.ScheduleActions.ToHashSet()),
        (EveryEcrRepository(), new HashSet<string> { "ecr:DescribeImages" }),
    ];

    /// <summary>
    /// The walk over every statement: an action on "*" only from <see cref="WildcardAllowList"/>, and a wildcard
    /// anywhere else in an ARN (written out, or inside a Fn::Join) only as <see cref="PartialWildcardAllowList"/>
    /// allows. A wildcard after a reference (<c>{bucket ARN}/*</c>, <c>{function ARN}:*</c>, as CDK's grants write them)
    /// stays inside the one resource the reference names.
    /// </summary>
    public static void AssertNoWildcardOutsideTheAllowList(Template template)
    {
        var statements = All(template);
        Assert.NotEmpty(statements);
        foreach (var (role, statement) in statements)
        {
            var actions = Actions(statement).ToList();
            if (LiteralResources(statement).Contains("*"))
            {
                var extra = actions.Where(a => !WildcardAllowList.Contains(a)).ToList();
                Assert.True(extra.Count == 0, $"{role} grants {string.Join(", ", extra)} on \"*\"");
            }
            foreach (var resource in ResourceTexts(statement).Where(r => r.StartsWith("arn:", StringComparison.Ordinal) && r.Contains('*', StringComparison.Ordinal)))
            {
                var allowed = PartialWildcardAllowList.Where(p => p.Resource.IsMatch(resource)).Select(p => p.Actions).FirstOrDefault();
                Assert.True(allowed is not null, $"{role} grants {string.Join(", ", actions)} on {resource}, a wildcard no entry allows");
                var extra = actions.Where(a => !allowed.Contains(a)).ToList();
                Assert.True(extra.Count == 0, $"{role} grants {string.Join(", ", extra)} on {resource}");
            }
        }
    }

    /// <summary>
    /// No statement allows a wildcard action: what this project grants, it names. (CDK's own grants in the example
    /// pipeline, such as s3:GetObject* on its artifact bucket, are not held to this.)
    /// </summary>
    public static void AssertNoWildcardAction(Template template)
    {
        foreach (var (role, statement) in All(template).Where(s => IsAllow(s.Statement)))
        {
            var actions = Actions(statement).ToList();
            Assert.True(!actions.Any(a => a.Contains('*', StringComparison.Ordinal)), $"{role} is allowed a wildcard action: {string.Join(", ", actions)}");
        }
    }

    public static bool IsAllow(JsonElement statement) => statement.GetProperty("Effect").GetString() == "Allow";

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

    /// <summary>Every resource as text: a plain string as it is, a Fn::Join with its intrinsic parts as {intrinsic}, any other intrinsic as {intrinsic}.</summary>
    public static IEnumerable<string> ResourceTexts(JsonElement statement)
    {
        var resource = statement.GetProperty("Resource");
        return resource.ValueKind == JsonValueKind.Array ? resource.EnumerateArray().Select(Text) : [Text(resource)];
    }

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Object when value.TryGetProperty("Fn::Join", out var join) =>
            string.Join(join[0].GetString(), join[1].EnumerateArray().Select(Text)),
        _ => "{intrinsic}",
    };

    [GeneratedRegex(@"^arn:[^:]+:scheduler:[^:]+:[^:]+:schedule/[0-9A-Za-z_.-]+/\*$")]
    private static partial Regex ScheduleOfOneGroup();

    [GeneratedRegex(@"^arn:[^:]+:ecr:[^:]+:[^:]+:repository/\*$")]
    private static partial Regex EveryEcrRepository();

    private static IEnumerable<(string, JsonElement)> Statements(string role, JsonElement document) =>
        document.GetProperty("Statement").EnumerateArray().Select(s => (role, s));

    private static IEnumerable<string> Strings(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => [value.GetString()!],
        JsonValueKind.Array => value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!),
        _ => [],
    };
}
