using k8s.Models;
using ServerlessDeploy.LocalCluster.OpenApi;

namespace ServerlessDeploy.LocalCluster.Tests.OpenApi;

public class ListMapKeysTests
{
    [Theory]
    [InlineData(typeof(V1PodSpec), "containers", "Map", "name", "merge", "name")]
    [InlineData(typeof(V1PodSpec), "initContainers", "Map", "name", "merge", "name")]
    [InlineData(typeof(V1Container), "ports", "Map", "containerPort", "merge", "containerPort", "protocol")]
    [InlineData(typeof(V1Container), "env", "Map", "name", "merge", "name")]
    [InlineData(typeof(V1Container), "volumeMounts", "Map", "mountPath", "merge", "mountPath")]
    [InlineData(typeof(V1PodSpec), "volumes", "Map", "name", "merge,retainKeys", "name")]
    [InlineData(typeof(V1ServiceSpec), "ports", "Map", "port", "merge", "port", "protocol")]
    [InlineData(typeof(V1ObjectMeta), "ownerReferences", "Map", "uid", "merge", "uid")]
    [InlineData(typeof(V1DeploymentStatus), "conditions", "Map", "type", "merge", "type")]
    [InlineData(typeof(V1JobStatus), "conditions", "Atomic", "type", "merge")]
    [InlineData(typeof(V1ObjectMeta), "finalizers", "Set", null, "merge")]
    [InlineData(typeof(V1PodSpec), "tolerations", "Atomic", null, null)]
    public void Declared_lists_merge_as_their_go_types_say(
        Type model, string field, string listType, string? mergeKey, string? strategy, params string[] mapKeys)
    {
        var list = ListMapKeys.For(model, field);

        Assert.Equal((listType, mergeKey, strategy), (list.Type.ToString(), list.PatchMergeKey, list.PatchStrategyText));
        Assert.Equal(mapKeys, list.MapKeys);
    }

    [Fact]
    public void Undeclared_lists_are_atomic() =>
        Assert.Same(ListSemantics.Atomic, ListMapKeys.For(typeof(V1Container), "no-such-field"));

    [Fact]
    public void Every_entry_names_a_list_field_of_its_model()
    {
        var wrong = ListMapKeys.Entries
            .Where(entry => ModelShapes.Of(entry.Key.Model).ByName.GetValueOrDefault(entry.Key.Field)?.Shape.Kind != FieldKind.Array)
            .Select(entry => $"{entry.Key.Model.Name}.{entry.Key.Field}");

        Assert.Empty(wrong);
    }

    [Fact]
    public void Map_keys_name_fields_of_the_list_items()
    {
        var wrong =
            from entry in ListMapKeys.Entries
            let items = ModelShapes.Of(entry.Key.Model).ByName[entry.Key.Field].Shape.Element!
            from key in entry.Value.MapKeys.Append(entry.Value.PatchMergeKey).OfType<string>()
            where items.Model is null || !ModelShapes.Of(items.Model).ByName.ContainsKey(key)
            select $"{entry.Key.Model.Name}.{entry.Key.Field} by {key}";

        Assert.Empty(wrong);
    }
}
