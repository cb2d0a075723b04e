using System.Globalization;
using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Resources;
using ServerlessDeploy.Core.Sync;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ServerlessDeploy.Core.Tests.Sync;

/// <summary>
/// One scenario of <c>Sync/testdata</c>: a multi-document YAML file whose documents start with
/// <c>--- # desired</c> (from Git), <c>--- # live</c> (tracked in the cluster) or <c>--- # live in-sync</c>
/// (tracked, and the diff found it in sync).
/// </summary>
internal sealed record SyncFixture(IReadOnlyList<Manifest> Desired, IReadOnlyList<JsonObject> Live, IReadOnlySet<ResourceKey> InSync)
{
    public static SyncFixture Load(string name)
    {
        var desired = new List<Manifest>();
        var live = new List<JsonObject>();
        var inSync = new HashSet<ResourceKey>();
        foreach (var (role, text) in Documents(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Sync", "testdata", name))))
        {
            var obj = ParseYaml(text);
            switch (role)
            {
                case "desired": desired.Add(new Manifest(obj)); break;
                case "live": live.Add(obj); break;
                case "live in-sync": live.Add(obj); inSync.Add(new Manifest(obj).Key); break;
                default: throw new InvalidOperationException($"{name}: unknown document role '{role}'");
            }
        }

        return new(desired, live, inSync);
    }

    public SyncPlan Plan(SyncPlanOptions? options = null) =>
        SyncPlan.Build(Desired, Live, (options ?? SyncPlanOptions.Default) with { InSync = InSync });

    private static IEnumerable<(string Role, string Text)> Documents(string file)
    {
        var role = "desired";
        var lines = new List<string>();
        foreach (var line in file.Split('\n'))
        {
            if (!line.StartsWith("---", StringComparison.Ordinal))
            {
                lines.Add(line);
                continue;
            }

            if (lines.Any(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#')))
            {
                yield return (role, string.Join('\n', lines));
            }

            role = line.Contains('#', StringComparison.Ordinal) ? line[(line.IndexOf('#', StringComparison.Ordinal) + 1)..].Trim() : "desired";
            lines.Clear();
        }

        if (lines.Any(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#')))
        {
            yield return (role, string.Join('\n', lines));
        }
    }

    private static JsonObject ParseYaml(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return Convert(stream.Documents[0].RootNode)!.AsObject();
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(p => KeyValuePair.Create(((YamlScalarNode)p.Key).Value ?? "", Convert(p.Value)))),
        YamlSequenceNode seq => new JsonArray([.. seq.Children.Select(Convert)]),
        YamlScalarNode scalar => Scalar(scalar),
        _ => null,
    };

    private static JsonValue? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style != ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
        }

        return text switch
        {
            "" or "~" or "null" => null,
            "true" => JsonValue.Create(true),
            "false" => JsonValue.Create(false),
            _ when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole) => JsonValue.Create(whole),
            _ => JsonValue.Create(text),
        };
    }
}
