using Amazon.CDK;
using ServerlessDeploy.Infra.Deployer;
using ServerlessDeploy.Infra.Settings;

namespace ServerlessDeploy.Infra.Tests;

/// <summary>Synthesis stops, naming the key, when the published code is missing or too big, or a cluster cannot be reached.</summary>
public sealed class CodeChecksTests
{
    private static InfraSettingsException SynthesisError(TestCode code, Action<Dictionary<string, object>>? adjust = null)
    {
        var context = StackFixture.FullContext(code);
        adjust?.Invoke(context);
        var app = new App(new AppProps { Context = context });
        return Assert.Throws<InfraSettingsException>(() => new DeployerStack(app, "Checked", InfraSettings.FromContext(app.Node),
            new Amazon.CDK.StackProps { Env = new Amazon.CDK.Environment { Account = StackFixture.Account, Region = StackFixture.Region } }));
    }

    [Fact]
    public void A_functions_folder_without_bootstrap_fails_naming_the_key_and_the_publish_script()
    {
        using var code = new TestCode();
        File.Delete(Path.Combine(code.FunctionsFolder, "bootstrap"));
        var e = SynthesisError(code);
        Assert.Contains($"'{InfraSettings.FunctionsCodePathKey}'", e.Message, StringComparison.Ordinal);
        Assert.Contains("no 'bootstrap'", e.Message, StringComparison.Ordinal);
        Assert.Contains("tools/publish-functions.sh", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(InfraSettings.FunctionsCodePathKey)]
    [InlineData(InfraSettings.KubectlLayerZipKey)]
    public void Without_a_prebuilt_path_or_a_checkout_to_build_from_synthesis_fails_naming_the_key(string key)
    {
        using var code = new TestCode();
        var e = SynthesisError(code, c => c.Remove(key));
        Assert.Contains($"CDK context '{key}' is not set", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_layer_zip_fails_naming_the_key()
    {
        using var code = new TestCode();
        var e = SynthesisError(code, c => c[InfraSettings.KubectlLayerZipKey] = Path.Combine(code.Root, "absent.zip"));
        Assert.Contains($"'{InfraSettings.KubectlLayerZipKey}'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Code_plus_unzipped_layer_over_250_MB_fails_with_the_numbers()
    {
        // A sparse 200 MB bootstrap and a 60 MB layer entry of zeros (a few kilobytes zipped): 260 MB unzipped.
        const long bootstrap = 200L * 1024 * 1024, layer = 60L * 1024 * 1024;
        using var code = new TestCode(bootstrap, layer);
        var e = SynthesisError(code);
        Assert.Contains($"'{InfraSettings.FunctionsCodePathKey}'", e.Message, StringComparison.Ordinal);
        Assert.Contains($"{bootstrap} bytes + {layer} bytes of layer = {bootstrap + layer} bytes", e.Message, StringComparison.Ordinal);
        Assert.Contains($"limit of {FunctionsCode.UnzippedLimitBytes} bytes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cluster_in_another_region_without_a_role_fails_naming_the_clusters_key()
    {
        using var code = new TestCode();
        var e = SynthesisError(code, c => c[InfraSettings.ClustersKey] =
            """[{"name": "far", "endpoint": "https://a", "caData": "LS0t", "region": "ap-south-1", "namespaces": ["a"]}]""");
        Assert.Contains($"'{InfraSettings.ClustersKey}'", e.Message, StringComparison.Ordinal);
        Assert.Contains("ap-south-1", e.Message, StringComparison.Ordinal);
    }
}
