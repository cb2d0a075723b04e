using ServerlessDeploy.Infra.Bundling;

namespace ServerlessDeploy.Infra.Tests;

/// <summary>
/// The kubectl/helm layer from the pinned npm package: installed by tools/bootstrap.sh when the zip is missing or the
/// lock file changed since the install, left alone otherwise; npm missing and a failed install are one error each.
/// </summary>
public sealed class LayerPackageTests : IDisposable
{
    private readonly TestCheckout _checkout = new();

    private LayerPackage Layer => new(_checkout.Root, _checkout.Processes, _checkout.Log, TimeProvider.System);

    private void Installed(string stamp)
    {
        _checkout.Write(LayerPackage.ZipPath, "zip");
        _checkout.Write("tools/node_modules/.lock-stamp", stamp);
    }

    [Fact]
    public void An_installed_layer_of_the_current_lock_file_is_used_as_it_is()
    {
        Installed(File.ReadAllText(Path.Combine(_checkout.Root, "tools/package-lock.json")));
        Assert.Equal(Path.Combine(_checkout.Root, LayerPackage.ZipPath), Layer.Ensure());
        Assert.Empty(_checkout.Processes.Runs);
    }

    [Fact]
    public void A_missing_layer_is_installed_by_the_bootstrap_script()
    {
        _checkout.Processes.Handler = (program, _) =>
        {
            if (program == "bash")
            {
                Installed("new");
            }
            return new ProcessResult(true, 0, "");
        };
        Assert.Equal(Path.Combine(_checkout.Root, LayerPackage.ZipPath), Layer.Ensure());
        Assert.Equal(["npm", "bash"], _checkout.Processes.Runs.Select(r => r.Program));
        Assert.Equal([Path.Combine(_checkout.Root, "tools/bootstrap.sh")], _checkout.Processes.Runs[1].Arguments);
        Assert.Contains("installing the kubectl/helm layer", _checkout.Log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_layer_installed_from_another_lock_file_is_installed_again()
    {
        Installed("an older lock file");
        Layer.Ensure();
        Assert.Contains(_checkout.Processes.Runs, r => r.Program == "bash");
    }

    [Fact]
    public void Npm_missing_fails_saying_so_and_naming_the_setting_that_avoids_it()
    {
        _checkout.Processes.Handler = (_, _) => new ProcessResult(false, -1, "cannot run npm: No such file or directory");
        var e = Assert.Throws<BundlingException>(() => Layer.Ensure());
        Assert.Contains("`npm` could not be run", e.Message, StringComparison.Ordinal);
        Assert.Contains("serverless-deploy:kubectlLayerZip", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_install_fails_with_the_command_and_the_tail_of_its_output()
    {
        _checkout.Processes.Handler = (program, _) => program == "bash"
            ? new ProcessResult(true, 1, "bootstrap: installing npm tools\nnpm error code E404\nnpm error 404 Not Found\n")
            : new ProcessResult(true, 0, "11.19.1\n");
        var e = Assert.Throws<BundlingException>(() => Layer.Ensure());
        Assert.Contains("`bash tools/bootstrap.sh` exited 1", e.Message, StringComparison.Ordinal);
        Assert.EndsWith("npm error 404 Not Found", e.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _checkout.Dispose();
}
