using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Yaml;

namespace ServerlessDeploy.Core.Tests.Yaml;

public class YamlObjectsTests
{
    [Theory]
    [InlineData("v: 3", "3")]
    [InlineData("v: -12", "-12")]
    [InlineData("v: 0x1F", "31")]
    [InlineData("v: 0o17", "15")]
    [InlineData("v: 0xFFFFFFFFFFFFFFFF", "18446744073709551615")]
    [InlineData("v: 0x1FFFFFFFFFFFFFFFF", "\"0x1FFFFFFFFFFFFFFFF\"")]
    [InlineData("v: 0o7777777777777777777777777", "\"0o7777777777777777777777777\"")]
    [InlineData("v: 1234567890123456789012345678", "1234567890123456789012345678")]
    [InlineData("v: 1234567890123456789012345678901234567890", "1.2345678901234568E+39")]
    [InlineData("v: 1.5", "1.5")]
    [InlineData("v: 1e3", "1000")]
    [InlineData("v: true", "true")]
    [InlineData("v: False", "false")]
    [InlineData("v: null", "null")]
    [InlineData("v: ~", "null")]
    [InlineData("v:", "null")]
    [InlineData("v: \"3\"", "\"3\"")]
    [InlineData("v: 'true'", "\"true\"")]
    [InlineData("v: !!str 42", "\"42\"")]
    [InlineData("v: yes", "\"yes\"")]
    [InlineData("v: 012abc", "\"012abc\"")]
    [InlineData("v: .inf", "\".inf\"")]
    [InlineData("v: 2025-01-10T10:00:00Z", "\"2025-01-10T10:00:00Z\"")]
    [InlineData("v: |\n  12\n", "\"12\\n\"")]
    public void Plain_scalars_resolve_by_the_YAML_1_2_core_schema_and_quoted_ones_stay_strings(string yaml, string json) =>
        Assert.Equal(json, YamlJson.ParseDocuments(yaml).Single()!["v"]?.ToJsonString() ?? "null");

    [Theory]
    [InlineData("v: yes", "true")]
    [InlineData("v: On", "true")]
    [InlineData("v: y", "true")]
    [InlineData("v: no", "false")]
    [InlineData("v: OFF", "false")]
    [InlineData("v: 'yes'", "\"yes\"")]
    [InlineData("v: !!str on", "\"on\"")]
    [InlineData("v: 0777", "511")]
    [InlineData("v: 08", "8")]
    [InlineData("v: 0b101", "5")]
    [InlineData("v: 0x1F", "31")]
    [InlineData("v: -0x10", "-16")]
    [InlineData("v: 1_000", "1000")]
    [InlineData("v: 18446744073709551615", "18446744073709551615")]
    [InlineData("v: 1e3", "1000")]
    [InlineData("v: 012abc", "\"012abc\"")]
    [InlineData("v: ~", "null")]
    [InlineData("v: 2025-01-10T10:00:00Z", "\"2025-01-10T10:00:00Z\"")]
    [InlineData("yes: 1", "{\"true\":1}")]
    [InlineData("a: 1\na: 2", "{\"a\":2}")]
    [InlineData("base: &b {a: 1, b: 2}\nv:\n  <<: *b\n  b: 3", "{\"a\":1,\"b\":3}")]
    [InlineData("v:\n  b: 3\n  <<: {a: 1, b: 2}", "{\"b\":2,\"a\":1}")]
    [InlineData("v: {y: 1, n: 2}", "{\"true\":1,\"false\":2}")]
    [InlineData("a: &a {x: 1}\nb: &b {x: 2, z: 2}\nv:\n  <<: [*a, *b]", "{\"x\":1,\"z\":2}")]
    [InlineData("a: &a [1, 2]\nv: *a", "[1,2]")]
    public void The_Kubernetes_dialect_reads_as_sigs_k8s_io_yaml_does(string yaml, string json)
    {
        var root = YamlObjects.Read(yaml, YamlDialect.Kubernetes).Single().Json;

        Assert.Equal(json, yaml.StartsWith("v:", StringComparison.Ordinal) || yaml.Contains("\nv:", StringComparison.Ordinal)
            ? root["v"]?.ToJsonString() ?? "null"
            : root.ToJsonString());
    }

    [Theory]
    [InlineData("v: .inf", "line 1, column 4: .inf is a float JSON cannot hold")]
    [InlineData("v: *nowhere", "unknown anchor 'nowhere'")]
    [InlineData("v:\n  <<: 3", "line 2, column 3: map merge requires map or sequence of maps as the value")]
    public void The_Kubernetes_dialect_refuses_what_sigs_k8s_io_yaml_refuses_saying_where(string yaml, string fragment)
    {
        var error = Assert.Throws<FormatException>(() => YamlObjects.Read(yaml, YamlDialect.Kubernetes));

        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Documents_are_read_in_order_and_empty_ones_skipped()
    {
        var objects = YamlObjects.Read("kind: A\n---\n---\nkind: B\n...\n");

        Assert.Equal(["A", "B"], objects.Select(o => o.Json["kind"]!.GetValue<string>()));
        Assert.Equal(["document 1", "document 3"], objects.Select(o => o.Location));
    }

    [Fact]
    public void Lists_are_flattened_and_typed_lists_give_their_items_kind_and_version()
    {
        var objects = YamlObjects.Read("""
            apiVersion: v1
            kind: List
            items:
            - {apiVersion: v1, kind: ConfigMap, metadata: {name: a}}
            ---
            apiVersion: apps/v1
            kind: DeploymentList
            items:
            - metadata: {name: web}
            """);

        Assert.Equal(["ConfigMap", "Deployment"], objects.Select(o => o.Json["kind"]!.GetValue<string>()));
        Assert.Equal("apps/v1", objects[1].Json["apiVersion"]!.GetValue<string>());
        Assert.Equal("document 2, item 1", objects[1].Location);
    }

    [Theory]
    [InlineData("a: [1, 2\nb: 3", "unclosed '['")]
    [InlineData("a: {b: 1", "did not find expected ',' or '}'")]
    [InlineData("a: \"open", "unexpected end of stream")]
    [InlineData("a: 1\na: 2", "line 2, column 1: Duplicate key a")]
    [InlineData("- 1\n- 2", "document 1 is not a mapping")]
    [InlineData("key: value\n  bad indent: here", "line 2")]
    public void Invalid_input_is_one_format_error_that_says_where(string yaml, string fragment)
    {
        var error = Assert.Throws<FormatException>(() => YamlObjects.Read(yaml));

        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nested_maps_and_sequences_convert_to_json()
    {
        var json = YamlObjects.Read("a:\n  b:\n  - x\n  - {c: 1}\n").Single().Json;

        Assert.Equal("""{"a":{"b":["x",{"c":1}]}}""", json.ToJsonString());
        Assert.IsType<JsonArray>(json["a"]!["b"]);
    }
}
