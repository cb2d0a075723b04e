using ServerlessDeploy.Core.Images;

namespace ServerlessDeploy.Core.Tests.Images;

public sealed class WriteBackConfigTests
{
    private static (ImageUpdaterConfig? Config, IReadOnlyList<string> Errors) Read(params (string Key, string Value)[] writeBack) =>
        ImageUpdaterConfig.Read(Annotations.Of([("image-list", "web=repo/web"), .. writeBack]));

    [Fact]
    public void Git_write_back_reads_branch_and_target()
    {
        var (config, errors) = Read(("write-back-method", "git"), ("git-branch", "main"), ("write-back-target", "helmvalues:values-prod.yaml"));

        Assert.Empty(errors);
        Assert.Equal((WriteBackMethod.Git, "main", null), (config!.Method, config.GitBranch, config.GitWriteBranch));
        Assert.Equal(new WriteBackTarget(WriteBackTargetKind.HelmValues, "values-prod.yaml"), config.Target);
        Assert.Empty(config.Notes);
    }

    [Fact]
    public void Git_credentials_in_the_method_are_noted_and_git_is_used()
    {
        var (config, errors) = Read(("write-back-method", "git:secret:argocd/git-creds"));

        Assert.Empty(errors);
        Assert.Equal(WriteBackMethod.Git, config!.Method);
        Assert.Equal(
            $"{Annotations.Prefix}write-back-method: credentials 'secret:argocd/git-creds' are not read; Git credentials come from the deployer's configuration",
            Assert.Single(config.Notes));
    }

    [Theory]
    [InlineData("main:image-updates", "main", "image-updates")]
    [InlineData(":image-updates", null, "image-updates")]
    [InlineData(" release-1 ", "release-1", null)]
    public void Git_branch_is_a_branch_or_base_and_target(string value, string? branch, string? writeBranch)
    {
        var (config, errors) = Read(("write-back-method", "git"), ("git-branch", value));

        Assert.Empty(errors);
        Assert.Equal((branch, writeBranch), (config!.GitBranch, config.GitWriteBranch));
    }

    [Theory]
    [InlineData("kustomization", WriteBackTargetKind.Kustomization, ".", "apps/web")]
    [InlineData("kustomization:../base", WriteBackTargetKind.Kustomization, "../base", "apps/base")]
    [InlineData("kustomization:/clusters/prod", WriteBackTargetKind.Kustomization, "/clusters/prod", "clusters/prod")]
    [InlineData("helmvalues", WriteBackTargetKind.HelmValues, "values.yaml", "apps/web/values.yaml")]
    [InlineData("helmvalues:./env/prod.yaml", WriteBackTargetKind.HelmValues, "./env/prod.yaml", "apps/web/env/prod.yaml")]
    [InlineData("helmvalues:/values/web.yaml", WriteBackTargetKind.HelmValues, "/values/web.yaml", "values/web.yaml")]
    public void Targets_resolve_from_the_app_path_or_from_the_repository_root(string value, WriteBackTargetKind kind, string path, string inRepository)
    {
        var (config, errors) = Read(("write-back-method", "git"), ("write-back-target", value));

        Assert.Empty(errors);
        Assert.Equal(new WriteBackTarget(kind, path), config!.Target);
        Assert.Equal(inRepository, config.Target!.PathInRepository("apps/web"));
    }

    [Fact]
    public void A_target_of_the_app_root_is_the_root()
    {
        Assert.Equal(".", new WriteBackTarget(WriteBackTargetKind.Kustomization, ".").PathInRepository("."));
    }

    [Theory]
    [InlineData("write-back-method", "gitlab", "'gitlab' is not a write-back method (argocd, git or git:<credentials>)")]
    [InlineData("write-back-method", "git:", "'git:' is not a write-back method")]
    [InlineData("git-branch", "a:b:c", "'a:b:c' is not <branch> or <base>:<target>")]
    [InlineData("git-branch", "main:", "'main:' is not <branch> or <base>:<target>")]
    [InlineData("git-branch", "", "'' is not <branch> or <base>:<target>")]
    [InlineData("git-branch", "main:image-updater-{{.SHA256}}", "branch templates are not supported")]
    [InlineData("write-back-target", "helm:values.yaml", "'helm:values.yaml' is not kustomization[:<path>] or helmvalues[:<file>]")]
    [InlineData("write-back-target", "kustomization:", "'kustomization:' is not kustomization[:<path>] or helmvalues[:<file>]")]
    public void An_invalid_write_back_annotation_is_one_error_naming_it_and_no_image_is_updated(string key, string value, string error)
    {
        var (config, errors) = key == "write-back-method" ? Read((key, value)) : Read(("write-back-method", "git"), (key, value));

        Assert.Null(config);
        var message = Assert.Single(errors);
        Assert.StartsWith($"{Annotations.Prefix}{key}: ", message, StringComparison.Ordinal);
        Assert.Contains(error, message, StringComparison.Ordinal);
    }

    [Fact]
    public void Git_annotations_without_git_write_back_are_noted_as_ignored()
    {
        var (config, errors) = Read(("write-back-method", "argocd"), ("git-branch", "main"), ("write-back-target", "nonsense"));

        Assert.Empty(errors);
        Assert.Equal(WriteBackMethod.ArgoCd, config!.Method);
        Assert.Null(config.Target);
        Assert.Equal(
            [$"{Annotations.Prefix}git-branch: ignored, since write-back-method is not git",
             $"{Annotations.Prefix}write-back-target: ignored, since write-back-method is not git"],
            config.Notes);
    }

    [Fact]
    public void Image_and_write_back_errors_are_all_reported_together()
    {
        var (config, errors) = ImageUpdaterConfig.Read(Annotations.Of(
            ("image-list", "web=repo/web"), ("web.update-strategy", "fastest"), ("write-back-method", "svn")));

        Assert.Null(config);
        Assert.Equal(2, errors.Count);
    }
}
