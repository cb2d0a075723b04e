using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Core.Yaml;

namespace ServerlessDeploy.Core.Tests.Applications;

public class ApplicationReaderTests
{
    private static readonly string TestData = Path.Combine(AppContext.BaseDirectory, "Applications", "testdata");

    public static TheoryData<string> InvalidCases() =>
        [.. Directory.GetFiles(Path.Combine(TestData, "invalid"), "*.yaml").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Fact]
    public void Reads_every_field_of_a_full_application()
    {
        var app = Read("full.yaml").Application!;

        Assert.Equal("shop", app.Name);
        Assert.Equal("retail", app.Project);
        Assert.Equal(new ApplicationDestination(null, "in-cluster", "shop"), app.Destination);
        Assert.Equal(("https://github.com/acme/deploy.git", "main", "shop/helm"), (app.Source.RepoUrl, app.Source.TargetRevision, app.Source.Path));
        var helm = app.Source.Helm!;
        Assert.Equal("shop", helm.ReleaseName);
        Assert.Equal(["values-prod.yaml"], helm.ValueFiles);
        Assert.Equal("replicas: 3\n", helm.Values);
        Assert.Equal("""{"image":{"tag":"1.2.3"}}""", helm.ValuesObjectJson);
        Assert.Equal(new HelmParameter("service.port", "8080", true), Assert.Single(helm.Parameters));
        Assert.Equal(new AutomatedSync(Prune: true, SelfHeal: true, AllowEmpty: false), app.SyncPolicy.Automated);
        Assert.True(app.SyncPolicy.Options.CreateNamespace);
        Assert.True(app.SyncPolicy.Options.PruneLast);
        Assert.True(app.SyncPolicy.Options.ServerSideApply);
        Assert.Equal("background", app.SyncPolicy.Options.PrunePropagationPolicy);
        Assert.Equal(new RetryPolicy(5, TimeSpan.FromSeconds(10), 2, TimeSpan.FromMinutes(5)), app.SyncPolicy.Retry);
        Assert.Equal(["/spec/replicas"], Assert.Single(app.IgnoreDifferences).JsonPointers);
        Assert.Equal(["resources-finalizer.argocd.argoproj.io"], app.Finalizers);
        Assert.StartsWith("web=", app.Annotations["argocd-image-updater.argoproj.io/image-list"], StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_are_argo_cds_with_server_side_apply_and_apply_out_of_sync_only_on()
    {
        var app = Read("guestbook.yaml").Application!;

        Assert.Equal("HEAD", app.Source.TargetRevision);
        Assert.True(app.SyncPolicy.Options.ServerSideApply);
        Assert.True(app.SyncPolicy.Options.ApplyOutOfSyncOnly);
        Assert.Equal("foreground", app.SyncPolicy.Options.PrunePropagationPolicy);
        Assert.Null(app.SyncPolicy.Retry);
    }

    [Fact]
    public void Application_level_options_that_are_carried_out_parse_into_the_options_record()
    {
        var manifest = Load(Path.Combine(TestData, "guestbook.yaml"));
        manifest["metadata"]!["annotations"] = new JsonObject { ["argocd.argoproj.io/compare-options"] = "ServerSideDiff=true, IncludeMutationWebhook=false" };
        manifest["spec"]!["syncPolicy"] = JsonNode.Parse(
            """{"syncOptions": ["Validate=false", "SkipDryRunOnMissingResource=true", "FailOnSharedResource=true", "RespectIgnoreDifferences=true", "ServerSideApply=true"]}""");

        var result = ApplicationReader.Read(manifest);

        Assert.Empty(result.Errors);
        var options = result.Application!.SyncPolicy.Options;
        Assert.Equal((false, true, true, true), (options.Validate, options.SkipDryRunOnMissingResource, options.FailOnSharedResource, options.RespectIgnoreDifferences));
    }

    [Theory]
    [InlineData("guestbook.yaml")]
    [InlineData("podinfo.yaml")]
    [InlineData("redis.yaml")]
    public void The_example_applications_are_valid(string file) => Assert.Empty(Read(file).Errors);

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void An_invalid_application_gets_one_error_naming_the_field(string file)
    {
        var path = Path.Combine(TestData, "invalid", file);
        var expected = File.ReadLines(path).First().TrimStart('#', ' ')["error: ".Length..];

        var result = ApplicationReader.Read(Load(path), path);

        Assert.Null(result.Application);
        var error = Assert.Single(result.Errors);
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_manifest_of_another_kind_is_not_an_application()
    {
        var result = ApplicationReader.Read(JsonNode.Parse("""{"apiVersion":"v1","kind":"ConfigMap"}""")!.AsObject());

        Assert.Contains("not an Application", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    private static ApplicationParseResult Read(string file)
    {
        var path = Path.Combine(TestData, file);
        return ApplicationReader.Read(Load(path), path);
    }

    private static JsonObject Load(string path) => YamlReader.ReadAll(File.ReadAllText(path), path)[0].AsObject();
}
