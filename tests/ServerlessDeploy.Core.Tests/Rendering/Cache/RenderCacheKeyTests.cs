using ServerlessDeploy.Core.Rendering.Cache;

namespace ServerlessDeploy.Core.Tests.Rendering.Cache;

public sealed class RenderCacheKeyTests
{
    private const string Commit = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";
    private const string Tools = "helm /opt/helm/helm 1 2026-01-01; kubectl /opt/kubectl/kubectl 2 2026-01-01; renderer 1.0.0+abc";
    private static readonly string[] Overrides = ["nginx=nginx:1.27", "redis:7"];

    /// <summary>Every source option the renderer reads, each set apart from the others by that one option.</summary>
    private static readonly Dictionary<string, string> SourceOptions = new()
    {
        ["helm values"] = "helm:\n  values: 'replicas: 1'",
        ["other helm values"] = "helm:\n  values: 'replicas: 2'",
        ["helm valuesObject"] = "helm:\n  valuesObject:\n    replicas: 1",
        ["helm releaseName"] = "helm:\n  releaseName: guest",
        ["helm valueFiles"] = "helm:\n  valueFiles: [values-prod.yaml]",
        ["helm parameter"] = "helm:\n  parameters:\n  - name: image.tag\n    value: '1.0'",
        ["helm parameter as a string"] = "helm:\n  parameters:\n  - name: image.tag\n    value: '1.0'\n    forceString: true",
        ["helm skipCrds"] = "helm:\n  skipCrds: true",
        ["helm ignoreMissingValueFiles"] = "helm:\n  ignoreMissingValueFiles: true",
        ["kustomize images"] = "kustomize:\n  images: [nginx:1.27]",
        ["kustomize namePrefix"] = "kustomize:\n  namePrefix: prod-",
        ["kustomize nameSuffix"] = "kustomize:\n  nameSuffix: -prod",
        ["kustomize commonLabels"] = "kustomize:\n  commonLabels:\n    team: web",
        ["directory recurse"] = "directory:\n  recurse: true",
        ["directory include"] = "directory:\n  include: '*.yaml'",
        ["directory exclude"] = "directory:\n  exclude: 'test-*'",
    };

    [Fact]
    public void The_same_inputs_read_twice_give_the_same_key()
    {
        var first = RenderCacheKey.Of(Apps.Read("helm:\n  values: 'replicas: 1'"), Commit, Overrides, Tools);
        var second = RenderCacheKey.Of(Apps.Read("helm:\n  values: 'replicas: 1'"), Commit, [.. Overrides], Tools);

        Assert.Equal(first, second);
        Assert.Matches("^[0-9a-f]{64}$", first.Value);
    }

    [Fact]
    public void Changing_any_one_input_changes_the_key()
    {
        var keys = new Dictionary<string, RenderCacheKey>
        {
            ["baseline"] = RenderCacheKey.Of(Apps.Read(), Commit, Overrides, Tools),
            ["the commit"] = RenderCacheKey.Of(Apps.Read(), "0000000000000000000000000000000000000000", Overrides, Tools),
            ["the app's name"] = RenderCacheKey.Of(Apps.Read(name: "guestbook-2"), Commit, Overrides, Tools),
            ["the destination namespace"] = RenderCacheKey.Of(Apps.Read(ns: "prod"), Commit, Overrides, Tools),
            ["the repository"] = RenderCacheKey.Of(Apps.Read(repoUrl: "https://github.com/acme/other.git"), Commit, Overrides, Tools),
            ["the path"] = RenderCacheKey.Of(Apps.Read(path: "apps/other"), Commit, Overrides, Tools),
            ["one image override more"] = RenderCacheKey.Of(Apps.Read(), Commit, [.. Overrides, "busybox:1"], Tools),
            ["one image override less"] = RenderCacheKey.Of(Apps.Read(), Commit, Overrides[..1], Tools),
            ["no image overrides"] = RenderCacheKey.Of(Apps.Read(), Commit, [], Tools),
            // The renderer applies overrides in order and a later one of the same image wins.
            ["the overrides' order"] = RenderCacheKey.Of(Apps.Read(), Commit, [.. Overrides.Reverse()], Tools),
            ["the tool versions"] = RenderCacheKey.Of(Apps.Read(), Commit, Overrides, Tools.Replace("2026-01-01", "2026-02-01", StringComparison.Ordinal)),
        };
        foreach (var (option, yaml) in SourceOptions)
        {
            keys[option] = RenderCacheKey.Of(Apps.Read(yaml), Commit, Overrides, Tools);
        }

        var shared = keys.GroupBy(k => k.Value).Where(g => g.Count() > 1).Select(g => string.Join(" = ", g.Select(k => k.Key)));
        Assert.Empty(shared);
    }

    [Fact]
    public void The_target_revision_counts_only_through_the_commit_it_resolves_to()
    {
        Assert.Equal(
            RenderCacheKey.Of(Apps.Read(targetRevision: "main"), Commit, [], Tools),
            RenderCacheKey.Of(Apps.Read(targetRevision: Commit), Commit, [], Tools));
    }

    [Theory]
    [InlineData("")]
    [InlineData("../../etc/passwd")]
    [InlineData("4B825DC642CB6EB9A060E54BF8D69288FBEE49044B825DC642CB6EB9A060E54B")]
    [InlineData("4b825dc642cb6eb9a060e54bf8d69288fbee4904")]
    public void A_key_that_is_not_a_sha256_in_hex_is_refused(string value)
    {
        var error = Assert.Throws<ArgumentException>(() => new RenderCacheKey(value));

        Assert.Contains("64 lower-case hex digits", error.Message, StringComparison.Ordinal);
    }
}
