using ServerlessDeploy.Core.Images.WriteBack;

namespace ServerlessDeploy.Core.Tests.Images.WriteBack;

public class CommitMessageTests
{
    private static readonly ImageChange[] Changes =
    [
        new("deploy/web.yaml", 11, "registry:5000/team/app:1.0", "registry:5000/team/app:1.1"),
        new("deploy/web.yaml", 14, "registry:5000/team/app:1.0", "registry:5000/team/app:1.1"),
        new("deploy/web.yaml", 20, "redis:7.0", "redis:7.0@sha256:beef"),
    ];

    [Fact]
    public void The_default_is_image_updaters_one_line_per_image()
    {
        Assert.Equal(
            "build: automatic update of web\n\nupdates image registry:5000/team/app tag '1.0' to '1.1'\nupdates image redis tag '7.0' to '7.0@sha256:beef'\n",
            CommitMessage.Render("web", Changes, null));
    }

    [Fact]
    public void A_go_template_with_trims_is_rendered()
    {
        const string template = "chore({{.AppName}}): bump\n\n{{- range .AppChanges }}\n* {{ .Image }}: {{ .OldTag }} -> {{ .NewTag }}{{ end }}\n";

        Assert.Equal(
            "chore(web): bump\n* registry:5000/team/app: 1.0 -> 1.1\n* redis: 7.0 -> 7.0@sha256:beef\n",
            CommitMessage.Render("web", Changes, template));
    }

    [Fact]
    public void Simple_placeholders_are_filled()
    {
        Assert.Equal(
            "deploy web [skip ci]\n\nupdates image registry:5000/team/app tag '1.0' to '1.1'\nupdates image redis tag '7.0' to '7.0@sha256:beef'\n",
            CommitMessage.Render("web", Changes, "deploy {app} [skip ci]\n\n{changes}"));
    }

    [Fact]
    public void No_changes_leaves_the_title()
    {
        Assert.Equal("build: automatic update of web\n\n", CommitMessage.Render("web", [], null));
    }

    [Theory]
    [InlineData("{{ .Author }}", "commit message template: unsupported action {{ .Author }}")]
    [InlineData("{{ range .AppChanges }}x", "commit message template: {{ range }} without its {{ end }}")]
    [InlineData("x{{ end }}", "commit message template: {{ end }} without a {{ range }}")]
    public void An_unsupported_template_is_refused_saying_why(string template, string message)
    {
        Assert.Equal(message, Assert.Throws<FormatException>(() => CommitMessage.Render("web", Changes, template)).Message);
    }
}
