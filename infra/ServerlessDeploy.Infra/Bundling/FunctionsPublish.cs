namespace ServerlessDeploy.Infra.Bundling;

/// <summary>
/// The one place that says how the functions are published for Lambda (provided.al2023, x86_64): one self-contained
/// <c>bootstrap</c> for linux-x64, Native AOT (a third of ReadyToRun's size, and a fraction of its cold start), without
/// symbol files (code and layer must stay under Lambda's 250 MB unzipped together). The CDK app's bundling and <c>tools/publish-functions.sh</c> both run these arguments, and they
/// are part of the bundled asset's hash, so changing them republishes.
/// </summary>
public static class FunctionsPublish
{
    /// <summary>The Functions project, relative to the checkout's root.</summary>
    public const string ProjectPath = "src/ServerlessDeploy.Functions/ServerlessDeploy.Functions.csproj";

    /// <summary>The publish properties; without <c>-p:FunctionsAot=true</c> the same project publishes ReadyToRun.</summary>
    public static readonly IReadOnlyList<string> Properties =
        ["-c", "Release", "-r", "linux-x64", "-p:FunctionsAot=true", "-p:DebugType=none", "-p:DebugSymbols=false"];

    /// <summary>The arguments of <c>dotnet</c> that publish the checkout at <paramref name="root"/> into <paramref name="output"/>.</summary>
    public static IReadOnlyList<string> Arguments(string root, string output) =>
        ["publish", Path.Combine(root, ProjectPath), .. Properties, "-o", output, "--nologo"];

    /// <summary>The command as a person would type it in the checkout's root, for messages.</summary>
    public static string CommandLine(string output) => $"dotnet publish {ProjectPath} {string.Join(' ', Properties)} -o {output}";
}
