using ServerlessDeploy.Core.Images;

namespace ServerlessDeploy.Core.Tests.Images;

public sealed class ImageUpdaterConfigTests
{
    private const string Registry = "123456789012.dkr.ecr.eu-west-1.amazonaws.com";

    [Fact]
    public void An_app_without_image_list_has_no_config_and_no_error()
    {
        var (config, errors) = ImageUpdaterConfig.Read(new Dictionary<string, string> { ["argocd.argoproj.io/sync-wave"] = "1" });

        Assert.Null(config);
        Assert.Empty(errors);
    }

    [Fact]
    public void Every_option_of_an_image_is_read()
    {
        var (config, errors) = ImageUpdaterConfig.Read(Annotations.Of(
            ("image-list", $"web={Registry}/web:^1.0, worker={Registry}/team/worker"),
            ("web.allow-tags", @"regexp:^v?1\."),
            ("web.ignore-tags", "*-rc*, latest"),
            ("web.helm.image-name", "web.image.repository"),
            ("web.helm.image-tag", "web.image.tag"),
            ("worker.update-strategy", "newest-build"),
            ("worker.helm.image-spec", "worker.image"),
            ("worker.kustomize.image-name", "worker")));

        Assert.Empty(errors);
        var web = config!.Images[0];
        Assert.Equal(("web", $"{Registry}/web", "^1.0", UpdateStrategy.Semver), (web.Alias, web.Name, web.Constraint, web.Strategy));
        Assert.Equal(@"^v?1\.", web.Filter.AllowTags!.ToString());
        Assert.Equal(["*-rc*", "latest"], web.Filter.IgnoreTags.Select(g => g.Pattern));
        Assert.Equal(new HelmImageKeys("web.image.repository", "web.image.tag", null), web.Helm);
        Assert.Null(web.KustomizeImageName);
        var worker = config.Images[1];
        Assert.Equal(("worker", $"{Registry}/team/worker", null, UpdateStrategy.NewestBuild), (worker.Alias, worker.Name, worker.Constraint, worker.Strategy));
        Assert.Equal(new HelmImageKeys(null, null, "worker.image"), worker.Helm);
        Assert.Equal("worker", worker.KustomizeImageName);
    }

    [Fact]
    public void Defaults_are_Image_Updaters()
    {
        var (config, errors) = ImageUpdaterConfig.Read(Annotations.Of(("image-list", "nginx")));

        Assert.Empty(errors);
        var image = Assert.Single(config!.Images);
        Assert.Equal(new UpdatableImage("nginx", "nginx", null, UpdateStrategy.Semver, TagFilter.Any, null, null), image);
        Assert.Equal((WriteBackMethod.ArgoCd, null, null, null), (config.Method, config.GitBranch, config.GitWriteBranch, config.Target));
        Assert.Empty(config.Notes);
    }

    [Theory]
    [InlineData("semver", UpdateStrategy.Semver)]
    [InlineData("newest-build", UpdateStrategy.NewestBuild)]
    [InlineData("latest", UpdateStrategy.NewestBuild)]
    [InlineData("alphabetical", UpdateStrategy.Alphabetical)]
    [InlineData("name", UpdateStrategy.Alphabetical)]
    [InlineData(" Digest ", UpdateStrategy.Digest)]
    public void Strategy_names_old_and_new_are_accepted(string name, UpdateStrategy strategy)
    {
        var (config, errors) = ImageUpdaterConfig.Read(Annotations.Of(("image-list", "web=repo/web:1.0"), ("web.update-strategy", name)));

        Assert.Empty(errors);
        Assert.Equal(strategy, Assert.Single(config!.Images).Strategy);
    }

    [Fact]
    public void Application_wide_options_apply_to_images_without_their_own()
    {
        var (config, errors) = ImageUpdaterConfig.Read(Annotations.Of(
            ("image-list", "repo/plain, web=repo/web"),
            ("update-strategy", "alphabetical"),
            ("ignore-tags", "latest"),
            ("web.update-strategy", "newest-build")));

        Assert.Empty(errors);
        Assert.Equal([UpdateStrategy.Alphabetical, UpdateStrategy.NewestBuild], config!.Images.Select(i => i.Strategy));
        Assert.All(config.Images, i => Assert.Equal("latest", Assert.Single(i.Filter.IgnoreTags).Pattern));
        Assert.Equal("repo/plain", config.Images[0].Alias);
    }

    [Fact]
    public void An_alias_with_a_slash_is_configured_under_an_underscore_as_in_Image_Updater()
    {
        var (config, _) = ImageUpdaterConfig.Read(Annotations.Of(("image-list", "team/web=repo/web"), ("team_web.update-strategy", "name")));

        Assert.Equal(UpdateStrategy.Alphabetical, Assert.Single(config!.Images).Strategy);
    }

    [Theory]
    [InlineData("localhost:5000/web:1.x", "localhost:5000/web", "1.x")]
    [InlineData("localhost:5000/web", "localhost:5000/web", null)]
    [InlineData("web=repo/web:>=1.0 <2.0", "repo/web", ">=1.0 <2.0")]
    [InlineData("repo/web:~v1.2", "repo/web", "~v1.2")]
    public void The_constraint_follows_the_last_colon_after_the_last_slash(string list, string name, string? constraint)
    {
        var (config, errors) = ImageUpdaterConfig.Read(Annotations.Of(("image-list", list)));

        Assert.Empty(errors);
        var image = Assert.Single(config!.Images);
        Assert.Equal((name, constraint), (image.Name, image.Constraint));
    }

    [Theory]
    [InlineData("web.update-strategy", "newest", "'newest' is not an update strategy")]
    [InlineData("web.allow-tags", "regex:^v", "is neither 'any' nor 'regexp:<expression>'")]
    [InlineData("web.allow-tags", "regexp:v(1", "regexp 'v(1' is not valid")]
    [InlineData("web.allow-tags", @"regexp:(a)\1", @"regexp '(a)\1' is not valid")]
    [InlineData("web.ignore-tags", "latest, [abc", "'[abc' is not a valid glob")]
    [InlineData("web.helm.image-tag", "", "is empty or holds blanks")]
    [InlineData("web.helm.image-name", "image name", "is empty or holds blanks")]
    [InlineData("web.kustomize.image-name", " ", "is empty or holds blanks")]
    public void An_invalid_image_option_is_one_error_naming_its_key_and_the_other_images_still_update(string key, string value, string error)
    {
        var (config, errors) = ImageUpdaterConfig.Read(Annotations.Of(("image-list", "web=repo/web, api=repo/api"), (key, value)));

        var message = Assert.Single(errors);
        Assert.StartsWith($"{Annotations.Prefix}{key}: ", message, StringComparison.Ordinal);
        Assert.Contains(error, message, StringComparison.Ordinal);
        Assert.Equal("api", Assert.Single(config!.Images).Alias);
    }

    [Theory]
    [InlineData("web=Repo/Web", "'Repo/Web' in 'web=Repo/Web' is not an image name")]
    [InlineData("=repo/web", "empty or blank alias")]
    [InlineData("web=repo/web@sha256:abc", "pins a digest")]
    [InlineData("web=repo/web:", "has nothing after ':'")]
    [InlineData("web=repo/web:~x.y.z", "constraint '~x.y.z' of image 'web' is not a semver range")]
    [InlineData("web=repo/web:1.0 - ", "constraint '1.0 -' of image 'web' is not a semver range")]
    public void An_invalid_image_list_entry_is_one_error_and_the_others_still_update(string entry, string error)
    {
        var (config, errors) = ImageUpdaterConfig.Read(Annotations.Of(("image-list", $"{entry}, api=repo/api")));

        var message = Assert.Single(errors);
        Assert.StartsWith($"{Annotations.Prefix}image-list: ", message, StringComparison.Ordinal);
        Assert.Contains(error, message, StringComparison.Ordinal);
        Assert.Equal("api", Assert.Single(config!.Images).Alias);
    }

    [Fact]
    public void Aliases_are_unique()
    {
        var (config, errors) = ImageUpdaterConfig.Read(Annotations.Of(("image-list", "web=repo/web, web=repo/other, repo/api, repo/api")));

        Assert.Equal(
            [$"{Annotations.Prefix}image-list: alias 'web' is used twice; give each image its own alias",
             $"{Annotations.Prefix}image-list: alias 'repo/api' is used twice; give each image its own alias"],
            errors);
        Assert.Equal(["repo/web", "repo/api"], config!.Images.Select(i => i.Name));
    }

    [Fact]
    public void The_digest_strategy_needs_the_tag_to_follow()
    {
        var (config, errors) = ImageUpdaterConfig.Read(Annotations.Of(("image-list", "web=repo/web"), ("web.update-strategy", "digest")));

        Assert.Null(config);
        Assert.Equal($"{Annotations.Prefix}image-list: image 'web' has update-strategy digest but no tag to follow; write repo/web:<tag>", Assert.Single(errors));
    }

    [Fact]
    public void Newest_build_keeps_a_constraint_that_is_no_semver_range()
    {
        var (config, errors) = ImageUpdaterConfig.Read(Annotations.Of(("image-list", "web=repo/web:main"), ("web.update-strategy", "latest")));

        Assert.Empty(errors);
        Assert.Equal("main", Assert.Single(config!.Images).Constraint);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" , ")]
    public void An_empty_image_list_is_an_error(string list)
    {
        var (config, errors) = ImageUpdaterConfig.Read(Annotations.Of(("image-list", list)));

        Assert.Null(config);
        Assert.Equal($"{Annotations.Prefix}image-list: names no image", Assert.Single(errors));
    }

    [Fact]
    public void Platforms_and_pull_secrets_are_noted_as_ignored_and_the_image_still_updates()
    {
        var (config, errors) = ImageUpdaterConfig.Read(Annotations.Of(
            ("image-list", "web=repo/web"), ("web.platforms", "linux/arm64"), ("web.pull-secret", "pullsecret:argocd/ecr")));

        Assert.Empty(errors);
        Assert.Single(config!.Images);
        Assert.Collection(config.Notes,
            note => Assert.StartsWith($"{Annotations.Prefix}web.platforms: not supported and ignored", note, StringComparison.Ordinal),
            note => Assert.StartsWith($"{Annotations.Prefix}web.pull-secret: ignored", note, StringComparison.Ordinal));
    }
}
