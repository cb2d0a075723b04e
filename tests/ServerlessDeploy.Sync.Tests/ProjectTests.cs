using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Core.Yaml;
using ServerlessDeploy.Sync.Tests.Support;
using ServerlessDeploy.Testing.Clusters;

namespace ServerlessDeploy.Sync.Tests;

/// <summary>An AppProject's rules are checked before any write; a violation names the resource and the rule.</summary>
public sealed class ProjectTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private readonly Deployer _deployer = new(fixture);

    [Fact]
    public async Task A_cluster_scoped_kind_the_project_does_not_whitelist_fails_before_any_write()
    {
        var app = TestApps.Create(TestApps.UniqueName("proj-kind"), "project/cluster-role");

        var message = await FailsWithoutWritingAsync(app, Project(sourceRepos: "'*'"));

        Assert.Contains(
            "rbac.authorization.k8s.io/ClusterRole:/reader: rbac.authorization.k8s.io/ClusterRole is not permitted in project 'team' (not in clusterResourceWhitelist)",
            message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_namespace_outside_the_project_destinations_fails_before_any_write()
    {
        var app = TestApps.Create(TestApps.UniqueName("proj-ns"), "project/other-namespace");

        var message = await FailsWithoutWritingAsync(app, Project(sourceRepos: "'*'"));

        Assert.Contains("/ConfigMap:kube-system/sneaky: namespace 'kube-system' is not permitted in project 'team' (destinations)", message, StringComparison.Ordinal);
        Assert.DoesNotContain("/ConfigMap:" + app.Name, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_source_repository_the_project_does_not_permit_fails_before_any_write()
    {
        var app = TestApps.Create(TestApps.UniqueName("proj-repo"), "tracking");

        var message = await FailsWithoutWritingAsync(app, Project(sourceRepos: "https://github.com/platform/*"));

        Assert.Contains("source repository https://github.com/acme/config.git is not permitted in project 'team' (sourceRepos)", message, StringComparison.Ordinal);
    }

    private async Task<string> FailsWithoutWritingAsync(Application app, AppProject project)
    {
        var requests = new RequestsSince(fixture.Server);

        var result = await _deployer.SyncAsync(app, project: project);

        Assert.False(result.Succeeded);
        Assert.EndsWith("(nothing was changed)", result.Message, StringComparison.Ordinal);
        Assert.Equal(0, requests.Writes);
        return result.Message;
    }

    private static AppProject Project(string sourceRepos)
    {
        var manifest = YamlReader.ReadAll($"""
            apiVersion: argoproj.io/v1alpha1
            kind: AppProject
            metadata:
              name: team
            spec:
              sourceRepos: [{sourceRepos}]
              destinations:
                - server: https://kubernetes.default.svc
                  namespace: "proj-*"
              clusterResourceWhitelist:
                - group: ""
                  kind: Namespace
            """, "team.yaml")[0].AsObject();
        var (project, errors) = AppProjectReader.Read(manifest);
        Assert.Empty(errors);
        return project!;
    }
}
