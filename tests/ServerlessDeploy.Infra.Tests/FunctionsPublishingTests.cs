using ServerlessDeploy.Infra.Bundling;

namespace ServerlessDeploy.Infra.Tests;

/// <summary>
/// Publishing the functions from a checkout: what the inputs' hash covers, the cache it keys, and one clear error per
/// failure (dotnet missing, the publish failing), over a small checkout and a fake process runner.
/// </summary>
public sealed class FunctionsPublishingTests : IDisposable
{
    private readonly TestCheckout _checkout = new();

    [Fact]
    public void The_inputs_are_the_Functions_project_its_references_and_the_build_files_without_bin_obj_or_other_projects()
    {
        _checkout.Write("src/Library/obj/project.assets.json", "{}");
        _checkout.Write("src/ServerlessDeploy.Functions/bin/Release/bootstrap", "x");
        _checkout.Write("src/Other/Other.cs", "class Other;");

        Assert.Equal(
            [
                "Directory.Build.props", "global.json",
                "src/Library/Library.csproj", "src/Library/Models/Model.cs",
                "src/ServerlessDeploy.Functions/Program.cs", "src/ServerlessDeploy.Functions/ServerlessDeploy.Functions.csproj",
            ],
            FunctionsInputs.Files(_checkout.Root).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_hash_follows_the_inputs_content_alone()
    {
        var before = FunctionsInputs.Hash(_checkout.Root);
        _checkout.Write("src/Other/Other.cs", "class Other;");
        _checkout.Write("src/Library/obj/generated.cs", "class Generated;");
        Assert.Equal(before, FunctionsInputs.Hash(_checkout.Root));

        using var copy = new TestCheckout();
        Assert.Equal(before, FunctionsInputs.Hash(copy.Root));

        _checkout.Write("src/Library/Models/Model.cs", "class Model { }");
        Assert.NotEqual(before, FunctionsInputs.Hash(_checkout.Root));
    }

    [Fact]
    public void A_publish_is_cached_under_its_hash_and_the_two_newest_are_kept()
    {
        var cache = _checkout.Cache;
        var first = cache.Get("aaa");
        Assert.Equal(cache.Folder("aaa"), first);
        Assert.True(File.Exists(Path.Combine(first, "bootstrap")));
        var publish = Assert.Single(_checkout.Processes.Runs);
        Assert.Equal("dotnet", publish.Program);
        Assert.Equal(["publish", Path.Combine(_checkout.Root, FunctionsPublish.ProjectPath), .. FunctionsPublish.Properties],
            publish.Arguments.Take(2 + FunctionsPublish.Properties.Count));

        Assert.Equal(first, cache.Get("aaa"));
        Assert.Equal(1, _checkout.Processes.DotnetRuns);
        Assert.Contains("cached in artifacts/functions-cache/aaa; not publishing", _checkout.Log.ToString(), StringComparison.Ordinal);

        Directory.SetLastWriteTimeUtc(first, DateTime.UtcNow.AddMinutes(-2));
        cache.Get("bbb");
        cache.Get("ccc");
        Assert.Equal(["bbb", "ccc"], CacheFolders());
    }

    [Fact]
    public void Dotnet_missing_fails_saying_so_and_naming_the_setting_that_avoids_it()
    {
        _checkout.Processes.Handler = (_, _) => new ProcessResult(false, -1, "cannot run dotnet: No such file or directory");
        var e = Assert.Throws<BundlingException>(() => _checkout.Cache.Get("aaa"));
        Assert.Contains("`dotnet` could not be run (cannot run dotnet: No such file or directory)", e.Message, StringComparison.Ordinal);
        Assert.Contains("serverless-deploy:functionsCodePath", e.Message, StringComparison.Ordinal);
        Assert.Empty(CacheFolders());
    }

    [Fact]
    public void A_failed_publish_fails_with_the_command_and_the_tail_of_its_output()
    {
        var output = string.Join('\n', Enumerable.Range(1, 60).Select(i => $"line {i}")) + "\nModel.cs(1,7): error CS1002: ; expected\n";
        _checkout.Processes.Handler = (_, _) => new ProcessResult(true, 1, output);
        var e = Assert.Throws<BundlingException>(() => _checkout.Cache.Get("aaa"));
        Assert.Contains($"`dotnet publish {FunctionsPublish.ProjectPath} -c Release -r linux-x64", e.Message, StringComparison.Ordinal);
        Assert.Contains("exited 1", e.Message, StringComparison.Ordinal);
        Assert.EndsWith("line 60\nModel.cs(1,7): error CS1002: ; expected", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("line 30\n", e.Message, StringComparison.Ordinal);
        Assert.False(_checkout.Cache.Has("aaa"));
        Assert.Empty(CacheFolders());
    }

    [Fact]
    public void A_publish_without_bootstrap_fails_saying_so()
    {
        _checkout.Processes.Handler = (_, _) => new ProcessResult(true, 0, "nothing to do\n");
        var e = Assert.Throws<BundlingException>(() => _checkout.Cache.Get("aaa"));
        Assert.Contains("wrote no 'bootstrap'", e.Message, StringComparison.Ordinal);
        Assert.Contains("nothing to do", e.Message, StringComparison.Ordinal);
    }

    private IEnumerable<string> CacheFolders()
    {
        var folder = Path.Combine(_checkout.Root, FunctionsCache.RelativePath);
        return Directory.Exists(folder) ? Directory.GetDirectories(folder).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal) : [];
    }

    public void Dispose() => _checkout.Dispose();
}
