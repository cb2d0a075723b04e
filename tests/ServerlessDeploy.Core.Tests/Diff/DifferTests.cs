using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Core.Diff;
using ServerlessDeploy.Core.Resources;
using ServerlessDeploy.Core.Yaml;

namespace ServerlessDeploy.Core.Tests.Diff;

public class DifferTests
{
    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop, creationTimestamp: null}
        spec:
          replicas: 2
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
                - name: web
                  image: nginx:1.27
                  ports: [{containerPort: 80}]
        """;

    private const string LiveDeployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
          uid: 1b2c
          resourceVersion: "42"
          generation: 3
          managedFields:
            - manager: hpa-controller
              operation: Update
              fieldsType: FieldsV1
              fieldsV1: {f:spec: {f:replicas: {}}}
        spec:
          replicas: 2
          revisionHistoryLimit: 10
          progressDeadlineSeconds: 600
          selector: {matchLabels: {app: web}}
          strategy: {type: RollingUpdate}
          template:
            metadata: {labels: {app: web}}
            spec:
              restartPolicy: Always
              containers:
                - name: web
                  image: nginx:1.27
                  imagePullPolicy: IfNotPresent
                  ports: [{containerPort: 80, protocol: TCP}]
        status: {replicas: 2, readyReplicas: 2}
        """;

    [Fact]
    public void Fields_the_server_defaults_and_status_are_not_drift()
    {
        var diff = Differ.Compare(Manifest(Deployment), Object(LiveDeployment), []);

        Assert.Equal(SyncStatus.Synced, diff.Status);
        Assert.Empty(diff.Text);
    }

    [Fact]
    public void A_changed_field_is_drift_named_by_its_path_with_a_unified_diff()
    {
        var live = Object(LiveDeployment.Replace("image: nginx:1.27", "image: nginx:1.25", StringComparison.Ordinal));

        var diff = Differ.Compare(Manifest(Deployment), live, []);

        Assert.Equal(SyncStatus.OutOfSync, diff.Status);
        Assert.Equal(["spec.template.spec.containers[0].image"], diff.ChangedFields);
        var lines = diff.Text.Split('\n');
        Assert.Contains(lines, l => l.StartsWith('-') && l.EndsWith("image: nginx:1.25", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith('+') && l.EndsWith("image: nginx:1.27", StringComparison.Ordinal));
        Assert.DoesNotContain("revisionHistoryLimit", diff.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_list_item_git_does_not_have_is_drift()
    {
        var live = Object(LiveDeployment.Replace("ports: [{containerPort: 80, protocol: TCP}]", "ports: [{containerPort: 80, protocol: TCP}, {containerPort: 81}]", StringComparison.Ordinal));

        Assert.Equal(SyncStatus.OutOfSync, Differ.Compare(Manifest(Deployment), live, []).Status);
    }

    [Fact]
    public void Absent_from_the_cluster_is_missing()
    {
        Assert.Equal(SyncStatus.Missing, Differ.Compare(Manifest(Deployment), null, []).Status);
    }

    [Fact]
    public void A_missing_resource_shows_what_git_sets_without_status_or_creation_time_and_leaves_its_manifest_as_it_was()
    {
        var desired = Manifest("apiVersion: v1\nkind: Secret\nmetadata: {name: db, creationTimestamp: null}\ndata: {password: c2VjcmV0}\nstatus: {phase: x}\n");

        var text = Differ.Compare(desired, null, []).Text;

        Assert.Contains("+  name: db", text, StringComparison.Ordinal);
        Assert.Contains("+  password: ++++++++", text, StringComparison.Ordinal);
        Assert.DoesNotContain("c2VjcmV0", text, StringComparison.Ordinal);
        Assert.DoesNotContain("creationTimestamp", text, StringComparison.Ordinal);
        Assert.DoesNotContain("status", text, StringComparison.Ordinal);
        Assert.Equal("c2VjcmV0", desired.Json["data"]?["password"]?.ToString());
        Assert.NotNull(desired.Json["status"]);
    }

    [Fact]
    public void Ignored_json_pointers_are_left_out()
    {
        var live = Object(LiveDeployment.Replace("replicas: 2\n  revision", "replicas: 5\n  revision", StringComparison.Ordinal));
        var ignore = new IgnoreDifference("apps", "Deployment", null, null, ["/spec/replicas"], []);

        Assert.Equal(SyncStatus.OutOfSync, Differ.Compare(Manifest(Deployment), live, []).Status);
        Assert.Equal(SyncStatus.Synced, Differ.Compare(Manifest(Deployment), live, [ignore]).Status);
    }

    [Fact]
    public void Fields_owned_by_an_ignored_manager_are_left_out()
    {
        var live = Object(LiveDeployment.Replace("replicas: 2\n  revision", "replicas: 5\n  revision", StringComparison.Ordinal));
        var ignore = new IgnoreDifference("apps", "Deployment", "web", null, [], ["hpa-controller"]);

        Assert.Equal(SyncStatus.Synced, Differ.Compare(Manifest(Deployment), live, [ignore]).Status);
    }

    [Fact]
    public void Secret_values_are_masked_in_the_diff_but_their_change_is_seen()
    {
        var secret = Manifest("apiVersion: v1\nkind: Secret\nmetadata: {name: db}\ndata: {password: c2VjcmV0LW5ldw==}\n");
        var live = Object("apiVersion: v1\nkind: Secret\nmetadata: {name: db}\ndata: {password: c2VjcmV0LW9sZA==}\n");

        var diff = Differ.Compare(secret, live, []);

        Assert.Equal(SyncStatus.OutOfSync, diff.Status);
        Assert.DoesNotContain("c2VjcmV0", diff.Text, StringComparison.Ordinal);
        Assert.Contains("-  password: ++++++++", diff.Text, StringComparison.Ordinal);
        Assert.Contains("+  password: +++++++++", diff.Text, StringComparison.Ordinal);
    }

    private static Manifest Manifest(string yaml) => new(Object(yaml));

    private static JsonObject Object(string yaml) => YamlReader.ReadAll(yaml, "test")[0].AsObject();
}
