using ServerlessDeploy.Infra.Bundling;

namespace ServerlessDeploy.Infra.Tests;

/// <summary>
/// A temporary checkout in the repository's shape, small: the Functions project referencing a library, a project it
/// does not reference, the root's build files and the tools lock file; with a fake process runner and the log kept.
/// </summary>
public sealed class TestCheckout : IDisposable
{
    public TestCheckout()
    {
        Write("global.json", """{ "sdk": { "version": "10.0.100" } }""");
        Write("Directory.Build.props", "<Project />");
        Write("src/ServerlessDeploy.Functions/ServerlessDeploy.Functions.csproj",
            """<Project Sdk="Microsoft.NET.Sdk"><ItemGroup><ProjectReference Include="..\Library\Library.csproj" /></ItemGroup></Project>""");
        Write("src/ServerlessDeploy.Functions/Program.cs", "return 0;");
        Write("src/Library/Library.csproj", """<Project Sdk="Microsoft.NET.Sdk" />""");
        Write("src/Library/Models/Model.cs", "class Model;");
        Write("src/Other/Other.csproj", """<Project Sdk="Microsoft.NET.Sdk" />""");
        Write("tools/package-lock.json", """{ "lockfileVersion": 3 }""");
        Checkout = new Checkout(Root, Processes, Log, TimeProvider.System);
    }

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "sdeploy-checkout-" + Guid.NewGuid().ToString("N"));
    public FakeProcessRunner Processes { get; } = new();
    public StringWriter Log { get; } = new();
    public Checkout Checkout { get; }
    public FunctionsCache Cache => new(Root, Processes, Log, TimeProvider.System);

    public void Write(string relative, string text)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public void Dispose()
    {
        Log.Dispose();
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
