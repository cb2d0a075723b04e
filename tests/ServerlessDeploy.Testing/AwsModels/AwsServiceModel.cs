using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ServerlessDeploy.Testing.Http;

namespace ServerlessDeploy.Testing.AwsModels;

/// <summary>
/// One AWS service model as the npm package aws-sdk (v2) ships it (tools/node_modules/aws-sdk/apis/&lt;uid&gt;.min.json),
/// and the checks of a hand-written client against it: which operation a recorded request calls (X-Amz-Target for the
/// JSON protocol, method and requestUri for REST-JSON, Action and Version for query), the signing name, and every
/// member of the request (names case-sensitive, required ones present, JSON types, enum values from
/// <see cref="AwsModelTypings"/>) and of an answer. Each check returns its problems, one line each, naming the client,
/// the operation and the member; none means the request fits the model.
/// </summary>
public sealed partial class AwsServiceModel
{
    private readonly JsonObject _metadata;
    private readonly JsonObject _operations;
    private readonly JsonObject _shapes;
    private readonly AwsModelTypings _typings;

    private AwsServiceModel(string uid, JsonObject model, AwsModelTypings typings)
    {
        Uid = uid;
        _metadata = model["metadata"]!.AsObject();
        _operations = model["operations"]!.AsObject();
        _shapes = model["shapes"]?.AsObject() ?? [];
        _typings = typings;
    }

    public string Uid { get; }

    public string Protocol => Text(_metadata, "protocol") ?? "";

    public string SigningName => Text(_metadata, "signingName") ?? Text(_metadata, "endpointPrefix") ?? "";

    public IEnumerable<string> Operations => _operations.Select(o => o.Key);

    /// <summary>Enum values of a named type of clients/&lt;service&gt;.d.ts, e.g. "FlexibleTimeWindowMode"; empty when it is no enum.</summary>
    public IReadOnlyList<string> EnumValues(string typeName) => _typings.EnumValues(typeName);

    /// <summary>Loads e.g. "scheduler-2021-06-30" from <paramref name="apisDirectory"/>, by default the repository's pinned aws-sdk.</summary>
    public static AwsServiceModel Load(string uid, string? apisDirectory = null)
    {
        var apis = apisDirectory ?? ApisDirectory();
        var file = Path.Combine(apis, uid + ".min.json");
        if (!File.Exists(file))
        {
            throw new FileNotFoundException($"no AWS model {uid} in {apis}", file);
        }

        var model = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
        return new AwsServiceModel(uid, model, AwsModelTypings.Load(apis, uid[..^11]));
    }

    /// <summary>tools/node_modules/aws-sdk/apis above the test assembly (the folder holding ServerlessDeploy.sln).</summary>
    public static string ApisDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ServerlessDeploy.sln")))
            {
                var apis = Path.Combine(dir.FullName, "tools", "node_modules", "aws-sdk", "apis");
                return Directory.Exists(apis) ? apis : throw new DirectoryNotFoundException($"{apis} is missing: run tools/bootstrap.sh");
            }
        }

        throw new DirectoryNotFoundException($"no folder above {AppContext.BaseDirectory} holds ServerlessDeploy.sln");
    }

    /// <summary>The operation a request calls, or null when it calls none of this model's.</summary>
    public string? OperationOf(RecordedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Protocol switch
        {
            "json" => request.Headers.TryGetValue("X-Amz-Target", out var target) && target.StartsWith(Text(_metadata, "targetPrefix") + ".", StringComparison.Ordinal)
                && _operations.ContainsKey(target[(target.IndexOf('.', StringComparison.Ordinal) + 1)..])
                ? target[(target.IndexOf('.', StringComparison.Ordinal) + 1)..] : null,
            "rest-json" => _operations.Select(o => o.Key).FirstOrDefault(o => RestMatch(o, request) is not null),
            "query" => Query(request).GetValueOrDefault("Action") is { } action && _operations.ContainsKey(action) ? action : null,
            _ => null,
        };
    }

    /// <summary>Every way the request strays from the model: operation, target or route, signing name, members.</summary>
    public IReadOnlyList<string> CheckRequest(string client, RecordedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<string>();
        var operation = OperationOf(request);
        if (operation is null)
        {
            problems.Add($"{client}: {request.Method} {request.Path}{request.Query} (X-Amz-Target {request.Headers.GetValueOrDefault("X-Amz-Target") ?? "none"}) calls no operation of {Uid}");
            return problems;
        }

        var say = (string what) => problems.Add($"{client} {operation}: {what}");
        CheckSigningName(request, say);
        var input = Resolve(_operations[operation]!["input"]) ?? [];
        var inputType = _typings.Operation(operation).Input;
        switch (Protocol)
        {
            case "json":
                Expect("POST", request.Method, "method", say);
                Expect($"application/x-amz-json-{Text(_metadata, "jsonVersion") ?? "1.0"}", request.Headers.GetValueOrDefault("Content-Type"), "Content-Type", say);
                CheckValue(request.Body.Length == 0 ? new JsonObject() : request.Json, input, inputType, "", say);
                break;
            case "rest-json":
                CheckRest(request, input, inputType, say);
                break;
            case "query":
                CheckQuery(request, input, say);
                break;
        }

        return problems;
    }

    /// <summary>Every member of an answer (as the tests script it) that the operation's output shape does not have or types otherwise.</summary>
    public IReadOnlyList<string> CheckResponse(string client, string operation, JsonNode answer)
    {
        var problems = new List<string>();
        if (!_operations.ContainsKey(operation))
        {
            return [$"{client}: {operation} is no operation of {Uid}"];
        }

        CheckValue(answer, Resolve(_operations[operation]!["output"]) ?? [], _typings.Operation(operation).Output, "",
            what => problems.Add($"{client} {operation} answer: {what}"));
        return problems;
    }

    /// <summary>
    /// The members a client reads from an answer, as paths like "imageDetails[].imageTags[]" or "nextToken", that the
    /// operation's output shape does not have (names case-sensitive; [] only on lists).
    /// </summary>
    public IReadOnlyList<string> CheckReads(string client, string operation, params string[] paths)
    {
        if (!_operations.ContainsKey(operation))
        {
            return [$"{client}: {operation} is no operation of {Uid}"];
        }

        var problems = new List<string>();
        foreach (var path in paths)
        {
            var shape = Resolve(_operations[operation]!["output"]) ?? [];
            foreach (var step in path.Split('.'))
            {
                var name = step.TrimEnd('[', ']');
                var member = Resolve(shape["members"]?[name]);
                if (Type(shape) != "structure" || member is null)
                {
                    problems.Add($"{client} {operation} reads {path}: {name} is not a member of the output shape");
                    break;
                }

                shape = member;
                if (step.EndsWith("[]", StringComparison.Ordinal))
                {
                    if (Type(shape) != "list")
                    {
                        problems.Add($"{client} {operation} reads {path}: {name} is a {Type(shape)}, not a list");
                        break;
                    }

                    shape = Resolve(shape["member"]) ?? [];
                }
            }
        }

        return problems;
    }

    private void CheckRest(RecordedRequest request, JsonObject input, string? inputType, Action<string> say)
    {
        var members = input["members"]?.AsObject() ?? [];
        var located = (string location) => members.Where(m => Text(m.Value!.AsObject(), "location") == location).ToList();
        var query = Query(request);
        foreach (var name in query.Keys.Where(k => located("querystring").All(m => (Text(m.Value!.AsObject(), "locationName") ?? m.Key) != k)))
        {
            say($"query parameter {name} is not a querystring member of the input shape");
        }

        var required = input["required"]?.AsArray().Select(r => r!.GetValue<string>()).ToHashSet(StringComparer.Ordinal) ?? [];
        foreach (var (name, member) in located("querystring").Where(m => required.Contains(m.Key)))
        {
            if (!query.ContainsKey(Text(member!.AsObject(), "locationName") ?? name))
            {
                say($"required member {name} is missing from the query");
            }
        }

        var bodyMembers = new JsonObject(members.Where(m => Text(m.Value!.AsObject(), "location") is null).Select(m => KeyValuePair.Create(m.Key, m.Value?.DeepClone())));
        var bodyRequired = new JsonArray([.. required.Where(bodyMembers.ContainsKey).Select(r => (JsonNode?)r)]);
        var bodyShape = new JsonObject { ["type"] = "structure", ["members"] = bodyMembers, ["required"] = bodyRequired };
        if (request.Body.Length > 0)
        {
            Expect("application/json", request.Headers.GetValueOrDefault("Content-Type"), "Content-Type", say);
            CheckValue(request.Json, bodyShape, inputType, "", say);
        }
        else if (bodyRequired.Count > 0)
        {
            say($"no body, yet the input shape requires {string.Join(", ", bodyRequired)}");
        }
    }

    private void CheckQuery(RecordedRequest request, JsonObject input, Action<string> say)
    {
        var query = Query(request);
        Expect(Text(_metadata, "apiVersion"), query.GetValueOrDefault("Version"), "Version", say);
        var members = input["members"]?.AsObject() ?? [];
        foreach (var name in query.Keys.Where(k => k is not ("Action" or "Version") && !k.StartsWith("X-Amz-", StringComparison.Ordinal) && !members.ContainsKey(k)))
        {
            say($"parameter {name} is not a member of the input shape");
        }

        foreach (var name in input["required"]?.AsArray().Select(r => r!.GetValue<string>()) ?? [])
        {
            if (!query.ContainsKey(name))
            {
                say($"required member {name} is missing");
            }
        }
    }

    private void CheckValue(JsonNode? value, JsonObject shape, string? typeName, string path, Action<string> say)
    {
        var at = path.Length == 0 ? "the body" : path;
        var kind = value?.GetValueKind() ?? JsonValueKind.Null;
        switch (Type(shape))
        {
            case "structure" when value is JsonObject obj:
                CheckStructure(obj, shape, typeName, path, say);
                break;
            case "list" when value is JsonArray array:
                var element = Resolve(shape["member"]) ?? [];
                var elementType = _typings.ListElement(typeName);
                for (var i = 0; i < array.Count; i++)
                {
                    CheckValue(array[i], element, elementType, $"{path}[{i}]", say);
                }

                break;
            case "map" when value is JsonObject map:
                foreach (var (key, item) in map)
                {
                    CheckValue(item, Resolve(shape["value"]) ?? [], _typings.MapValue(typeName), $"{path}[\"{key}\"]", say);
                }

                break;
            case "string" or "blob" when kind == JsonValueKind.String:
                var allowed = typeName is null ? [] : EnumValues(typeName);
                if (allowed.Count > 0 && !allowed.Contains(value!.GetValue<string>(), StringComparer.Ordinal))
                {
                    say($"{at} is \"{value!.GetValue<string>()}\", not one of {typeName}'s values ({string.Join(", ", allowed)})");
                }

                break;
            case "integer" or "long" when kind == JsonValueKind.Number && long.TryParse(value!.ToJsonString(), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out _):
            case "float" or "double" when kind == JsonValueKind.Number:
            case "boolean" when kind is JsonValueKind.True or JsonValueKind.False:
                break;
            case "timestamp" when Text(shape, "timestampFormat") is "iso8601" or "rfc822" ? kind == JsonValueKind.String : kind == JsonValueKind.Number:
                break;
            default:
                say($"{at} is {Describe(value)}, where the model has a {Type(shape)}{(Text(shape, "timestampFormat") is { } f ? " (" + f + ")" : "")}");
                break;
        }
    }

    private void CheckStructure(JsonObject value, JsonObject shape, string? typeName, string path, Action<string> say)
    {
        var members = shape["members"]?.AsObject() ?? [];
        var fields = typeName is null ? null : _typings.Fields(typeName);
        foreach (var (name, item) in value)
        {
            var member = members.FirstOrDefault(m => (Text(m.Value!.AsObject(), "locationName") ?? m.Key) == name);
            if (member.Key is null)
            {
                var near = members.FirstOrDefault(m => string.Equals(m.Key, name, StringComparison.OrdinalIgnoreCase)).Key;
                say($"{Join(path, name)} is not a member of {typeName ?? "its shape"}{(near is null ? "" : $" (the model spells it {near})")}");
                continue;
            }

            CheckValue(item, Resolve(member.Value) ?? [], fields?.GetValueOrDefault(member.Key), Join(path, name), say);
        }

        foreach (var name in shape["required"]?.AsArray().Select(r => r!.GetValue<string>()) ?? [])
        {
            if (!value.ContainsKey(name))
            {
                say($"required member {Join(path, name)} is missing");
            }
        }
    }

    private string? RestMatch(string operation, RecordedRequest request)
    {
        var http = _operations[operation]!["http"]?.AsObject();
        var method = Text(http, "method") ?? "POST";
        var uri = (Text(http, "requestUri") ?? "/").Split('?')[0];
        var pattern = "^" + Regex.Replace(Regex.Escape(uri).Replace(@"\{", "{", StringComparison.Ordinal), @"\{(\w+)(\+?)\}",
            m => m.Groups[2].Value == "+" ? "(?<" + m.Groups[1].Value + ">.+)" : "(?<" + m.Groups[1].Value + ">[^/]+)") + "$";
        return method == request.Method && Regex.IsMatch(request.Path, pattern) ? operation : null;
    }

    private void CheckSigningName(RecordedRequest request, Action<string> say)
    {
        var credential = request.Headers.TryGetValue("Authorization", out var authorization)
            ? CredentialPattern().Match(authorization).Groups[1].Value
            : Query(request).GetValueOrDefault("X-Amz-Credential") ?? "";
        var scope = credential.Split('/');
        Expect(SigningName, scope.Length == 5 ? scope[3] : null, "SigV4 signing name", say);
    }

    private static void Expect(string? expected, string? actual, string what, Action<string> say)
    {
        if (!string.Equals(expected, actual?.Split(';')[0].Trim(), StringComparison.Ordinal))
        {
            say($"{what} is {actual ?? "missing"}, the model wants {expected}");
        }
    }

    private static Dictionary<string, string> Query(RecordedRequest request) =>
        request.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p.Length > 1 ? p[1] : ""), StringComparer.Ordinal);

    /// <summary>A member's shape: a reference ("shape": "S6") is replaced by the shared shape, the member's own keys kept.</summary>
    private JsonObject? Resolve(JsonNode? member)
    {
        if (member is not JsonObject obj)
        {
            return null;
        }

        if (Text(obj, "shape") is not { } name)
        {
            return obj;
        }

        var shared = Resolve(_shapes[name])?.DeepClone().AsObject() ?? [];
        foreach (var (key, value) in obj.Where(p => p.Key != "shape"))
        {
            shared[key] = value?.DeepClone();
        }

        return shared;
    }

    private static string Type(JsonObject shape) => Text(shape, "type") ?? "string";

    private static string? Text(JsonObject? node, string name) =>
        node?[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;

    private static string Describe(JsonNode? value) => value is null ? "null" : $"{value.GetValueKind().ToString().ToLowerInvariant()} {Truncate(value.ToJsonString())}";

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "…";

    [GeneratedRegex(@"Credential=([^,]+)")]
    private static partial Regex CredentialPattern();
}
