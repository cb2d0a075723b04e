using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Applications;

namespace ServerlessDeploy.Core.Tests.Applications;

/// <summary>CreateRolloutCRD, this product's own sync option, read from an Application's spec.syncPolicy.syncOptions.</summary>
public class SyncOptionsReaderTests
{
    [Theory]
    [InlineData(null, true)]
    [InlineData("CreateRolloutCRD=true", true)]
    [InlineData("CreateRolloutCRD=false", false)]
    [InlineData("CreateRolloutCRD=False", false)]
    [InlineData(" CreateRolloutCRD = false ", false)]
    public void CreateRolloutCRD_is_on_unless_turned_off(string? option, bool expected)
    {
        var result = ApplicationReader.Read(Application(option));

        Assert.Empty(result.Errors);
        Assert.Equal(expected, result.Application?.SyncPolicy.Options.CreateRolloutCRD);
    }

    [Theory]
    [InlineData("CreateRolloutCRD=no")]
    [InlineData("CreateRolloutCRD=")]
    [InlineData("CreateRolloutCRD")]
    public void A_value_other_than_true_or_false_is_one_error_naming_the_option(string option)
    {
        var result = ApplicationReader.Read(Application(option));

        Assert.Null(result.Application);
        Assert.Equal($"spec.syncPolicy.syncOptions: unknown or invalid sync option \"{option}\"", Assert.Single(result.Errors));
    }

    private static JsonObject Application(string? option) => new()
    {
        ["apiVersion"] = "argoproj.io/v1alpha1",
        ["kind"] = "Application",
        ["metadata"] = new JsonObject { ["name"] = "shop" },
        ["spec"] = new JsonObject
        {
            ["source"] = new JsonObject { ["repoURL"] = "https://github.com/acme/deploy.git", ["path"] = "shop" },
            ["destination"] = new JsonObject { ["server"] = "https://kubernetes.default.svc", ["namespace"] = "shop" },
            ["syncPolicy"] = new JsonObject { ["syncOptions"] = option is null ? new JsonArray() : new JsonArray(option) },
        },
    };
}
