using System.Net;
using k8s;
using k8s.Models;
using ServerlessDeploy.LocalCluster.Tests.Support;
using ServerlessDeploy.Testing.Clusters;
using ServerlessDeploy.Testing.Waiting;

namespace ServerlessDeploy.LocalCluster.Tests.Verbs;

/// <summary>Every built-in kind of issue #2 through KubernetesClient: create, get, list by labels, replace, both patches, delete.</summary>
public sealed class BuiltInKindTests(NoControllersFixture cluster) : IClassFixture<NoControllersFixture>
{
    [Theory]
    [MemberData(nameof(SampleKind.Names), MemberType = typeof(SampleKind))]
    public async Task Create_keeps_the_manifest_and_stamps_uid_creationTimestamp_and_resourceVersion(string kind)
    {
        var client = await ClientAsync(kind);
        var sample = Sample(kind);

        var created = await client.CreateAsync(sample);

        Assert.Equal((sample.ApiVersion, sample.Kind, sample.Name()), (created.ApiVersion, created.Kind, created.Name()));
        Assert.True(Guid.TryParse(created.Uid(), out _), $"uid {created.Uid()}");
        Assert.NotNull(created.Metadata.CreationTimestamp);
        Assert.False(string.IsNullOrEmpty(created.ResourceVersion()));
        JsonAssert.Contains(sample.Fields, created.Fields);
    }

    [Theory]
    [MemberData(nameof(SampleKind.Names), MemberType = typeof(SampleKind))]
    public async Task Get_returns_the_object_as_it_was_created(string kind)
    {
        var client = await ClientAsync(kind);
        var created = await client.CreateAsync(Sample(kind));

        var read = await client.ReadAsync(created.Name());

        Assert.Equal((created.Uid(), created.ResourceVersion()), (read.Uid(), read.ResourceVersion()));
        JsonAssert.Contains(created.Fields, read.Fields);
    }

    [Theory]
    [MemberData(nameof(SampleKind.Names), MemberType = typeof(SampleKind))]
    public async Task List_with_a_set_based_label_selector_returns_only_the_matching_objects(string kind)
    {
        var client = await ClientAsync(kind);
        var set = ClusterFixture.UniqueName("set");
        var stable = await client.CreateAsync(Sample(kind, new() { ["set"] = set, ["track"] = "stable" }));
        var canary = await client.CreateAsync(Sample(kind, new() { ["set"] = set, ["track"] = "canary" }));

        Assert.Equal([stable.Name()], Names(await client.ListAsync($"set={set},track in (stable, beta)")));
        Assert.Equal([canary.Name()], Names(await client.ListAsync($"set={set},track notin (stable)")));
        Assert.Equal(new[] { canary.Name(), stable.Name() }.Order(StringComparer.Ordinal), Names(await client.ListAsync($"set in ({set}),track")));
        Assert.Empty(Names(await client.ListAsync($"set={set},!track")));
    }

    [Theory]
    [MemberData(nameof(SampleKind.Names), MemberType = typeof(SampleKind))]
    public async Task Replace_stores_the_new_object_under_a_new_resourceVersion(string kind)
    {
        var client = await ClientAsync(kind);
        var created = await client.CreateAsync(Sample(kind));
        created.Metadata.Labels = new Dictionary<string, string> { ["replaced"] = "yes" };

        var replaced = await client.ReplaceAsync(created);

        Assert.Equal(created.Uid(), replaced.Uid());
        Assert.NotEqual(created.ResourceVersion(), replaced.ResourceVersion());
        Assert.Equal("yes", (await client.ReadAsync(created.Name())).GetLabel("replaced"));
    }

    [Theory]
    [MemberData(nameof(SampleKind.Names), MemberType = typeof(SampleKind))]
    public async Task Merge_patch_adds_an_annotation_and_keeps_the_rest(string kind)
    {
        var client = await ClientAsync(kind);
        var created = await client.CreateAsync(Sample(kind));
        var patch = new V1Patch("""{"metadata":{"annotations":{"example.com/patched":"merge"}}}""", V1Patch.PatchType.MergePatch);

        var patched = await client.PatchAsync(patch, created.Name());

        Assert.Equal("merge", patched.GetAnnotation("example.com/patched"));
        Assert.NotEqual(created.ResourceVersion(), patched.ResourceVersion());
        JsonAssert.Contains(created.Fields, (await client.ReadAsync(created.Name())).Fields);
    }

    [Theory]
    [MemberData(nameof(SampleKind.Names), MemberType = typeof(SampleKind))]
    public async Task Json_patch_adds_labels_and_keeps_the_rest(string kind)
    {
        var client = await ClientAsync(kind);
        var created = await client.CreateAsync(Sample(kind));
        var patch = new V1Patch("""[{"op":"add","path":"/metadata/labels","value":{"patched":"json"}}]""", V1Patch.PatchType.JsonPatch);

        var patched = await client.PatchAsync(patch, created.Name());

        Assert.Equal("json", patched.GetLabel("patched"));
        Assert.Equal("json", (await client.ReadAsync(created.Name())).GetLabel("patched"));
        JsonAssert.Contains(created.Fields, patched.Fields);
    }

    [Theory]
    [MemberData(nameof(SampleKind.Names), MemberType = typeof(SampleKind))]
    public async Task Delete_removes_the_object(string kind)
    {
        var client = await ClientAsync(kind);
        var created = await client.CreateAsync(Sample(kind));

        await client.DeleteAsync(created.Name());

        // A namespace goes once the namespace controller has emptied it; everything else goes at once.
        await Eventually.UntilAsync(() => Exists(client, created.Name()), exists => !exists, $"{kind} {created.Name()} is gone");
        await StatusAssert.FailsAsync(() => client.ReadAsync(created.Name()), HttpStatusCode.NotFound, "NotFound");
    }

    private async Task<SampleClient> ClientAsync(string kind)
    {
        var sample = SampleKind.Named(kind);
        return new SampleClient(cluster.Client, sample, sample.Namespaced ? await cluster.CreateNamespaceAsync(kind.ToLowerInvariant()) : null);
    }

    private static AnyObject Sample(string kind, Dictionary<string, string>? labels = null)
    {
        var sample = AnyObject.FromYaml(Manifests.Read(SampleKind.Named(kind).Fixture, ClusterFixture.UniqueName("sample")));
        sample.Metadata.Labels = labels;
        return sample;
    }

    private static List<string> Names(AnyObjectList list) => [.. list.Items.Select(i => i.Name()).Order(StringComparer.Ordinal)];

    private static async Task<bool> Exists(SampleClient client, string name)
    {
        try
        {
            await client.ReadAsync(name);
            return true;
        }
        catch (k8s.Autorest.HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }
}
