using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Yaml;

namespace ServerlessDeploy.Core.Tests.Yaml;

public class YamlWriterTests
{
    [Fact]
    public void Numbers_built_in_code_and_parsed_from_text_both_write_and_read_back()
    {
        var built = new JsonObject { ["wave"] = 3, ["big"] = 5_000_000_000L, ["ratio"] = 0.5, ["text"] = "007", ["on"] = true };

        var yaml = YamlWriter.Write(built);
        var back = YamlReader.ReadAll(yaml, "written")[0];

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(built.ToJsonString()), JsonNode.Parse(back.ToJsonString())), yaml);
    }
}
