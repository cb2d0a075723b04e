using System.Text.Json.Nodes;
using ServerlessDeploy.Dashboard.Resources;

namespace ServerlessDeploy.Dashboard.Tests.Resources;

public sealed class SecretMaskTests
{
    private static JsonObject Secret(string password, string? lastApplied = null) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Secret",
        ["metadata"] = new JsonObject
        {
            ["name"] = "db",
            ["annotations"] = lastApplied is null ? new JsonObject() : new JsonObject { [SecretMask.LastApplied] = lastApplied },
        },
        ["data"] = new JsonObject { ["password"] = password, ["user"] = "YWRh" },
    };

    [Fact]
    public void The_same_value_masks_alike_and_a_different_value_as_a_longer_run()
    {
        var same = SecretMask.Hide(Secret("c2VjcmV0"), Secret("c2VjcmV0"));
        var changed = SecretMask.Hide(Secret("c2VjcmV0"), Secret("b3RoZXI="));

        Assert.Equal("++++++++", same.Desired!["data"]!["password"]!.GetValue<string>());
        Assert.Equal("++++++++", same.Live!["data"]!["password"]!.GetValue<string>());
        Assert.NotEqual(changed.Desired!["data"]!["password"]!.GetValue<string>(), changed.Live!["data"]!["password"]!.GetValue<string>());
        Assert.All(new[] { changed.Desired, changed.Live }, o => Assert.Matches("^\\++$", o!["data"]!["password"]!.GetValue<string>()));
    }

    [Fact]
    public void StringData_is_folded_into_data_so_the_same_value_written_as_text_compares_equal()
    {
        var desired = Secret("ignored");
        desired.Remove("data");
        desired["stringData"] = new JsonObject { ["password"] = "secret", ["user"] = "ada" };

        var masked = SecretMask.Hide(desired, Secret("c2VjcmV0"));

        Assert.Null(masked.Desired!["stringData"]);
        Assert.Equal(masked.Live!["data"]!.ToJsonString(), masked.Desired["data"]!.ToJsonString());
    }

    [Fact]
    public void The_last_applied_annotation_keeps_its_shape_but_not_its_values_and_one_that_does_not_read_is_replaced()
    {
        var annotation = Secret("c2VjcmV0").ToJsonString();

        var masked = SecretMask.Hide(null, Secret("c2VjcmV0", annotation)).Live!.ToJsonString();
        var broken = SecretMask.Hide(null, Secret("c2VjcmV0", "{not json c2VjcmV0")).Live!.ToJsonString();

        Assert.DoesNotContain("c2VjcmV0", masked, StringComparison.Ordinal);
        Assert.Contains("password", masked, StringComparison.Ordinal);
        Assert.DoesNotContain("c2VjcmV0", broken, StringComparison.Ordinal);
    }

    [Fact]
    public void Objects_other_than_Secrets_and_the_originals_are_left_as_they_are()
    {
        var config = new JsonObject { ["apiVersion"] = "v1", ["kind"] = "ConfigMap", ["data"] = new JsonObject { ["password"] = "plain" } };
        var secret = Secret("c2VjcmV0");

        Assert.Equal("plain", SecretMask.Hide(config, null).Desired!["data"]!["password"]!.GetValue<string>());
        SecretMask.Hide(secret, null);
        Assert.Equal("c2VjcmV0", secret["data"]!["password"]!.GetValue<string>());
    }
}
