using System.Collections.Immutable;
using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Rollouts;
using ServerlessDeploy.Core.Yaml;

namespace ServerlessDeploy.Core.Tests.Rollouts.Reconciler;

/// <summary>
/// A tiny cluster for driving the reconciler: one Rollout, its ReplicaSets and Services, and a clock. Applying a
/// decision makes its writes; the ReplicaSet controller then brings every ReplicaSet's pods up and available at once,
/// except for pod-template hashes listed as broken (their pods never become available).
/// </summary>
internal sealed record TestCluster(
    JsonObject Rollout,
    ImmutableSortedDictionary<string, JsonObject> ReplicaSets,
    ImmutableSortedDictionary<string, JsonObject> Services,
    DateTimeOffset Now,
    ImmutableHashSet<string> BrokenHashes)
{
    public static readonly DateTimeOffset Start = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);

    public const string Yaml = """
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata: {name: web, namespace: shop, uid: 6f0c5c1e-0000-4000-8000-000000000001, generation: 1}
        spec:
          replicas: 4
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: web, image: "nginx:1.27"}]
          strategy:
            canary:
              canaryService: web-canary
              stableService: web-stable
              steps:
              - setWeight: 25
              - pause: {}
              - setWeight: 50
              - pause: {duration: 10s}
        """;

    public static TestCluster Of(string yaml = Yaml)
    {
        var rollout = YamlObjects.Read(yaml, YamlDialect.Kubernetes).Single().Json;
        var services = ImmutableSortedDictionary<string, JsonObject>.Empty
            .Add("web-canary", Service("web-canary"))
            .Add("web-stable", Service("web-stable"));
        return new TestCluster(rollout, ImmutableSortedDictionary<string, JsonObject>.Empty, services, Start, []);
    }

    private static JsonObject Service(string name) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Service",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "shop" },
        ["spec"] = new JsonObject { ["selector"] = new JsonObject { ["app"] = "web" } },
    };

    public JsonObject Status => Rollout["status"] as JsonObject ?? [];

    public RolloutObservation Observe()
    {
        var rollout = (JsonObject)Rollout.DeepClone();
        var read = RolloutSpecReader.Read(rollout);
        Assert.True(read.IsValid, read.Error?.ToString());
        return new RolloutObservation(
            rollout,
            read.Spec,
            [.. ReplicaSets.Values.Select(rs => (JsonObject)rs.DeepClone())],
            [.. Services.Values.Select(service => (JsonObject)service.DeepClone())],
            []);
    }

    public RolloutDecision Decide() => RolloutReconciler.Decide(Observe(), Now);

    /// <summary>Makes the writes, then lets the ReplicaSet controller catch up.</summary>
    public TestCluster Apply(RolloutDecision decision)
    {
        var rollout = (JsonObject)Rollout.DeepClone();
        var replicaSets = ReplicaSets;
        var services = Services;
        foreach (var write in decision.Writes)
        {
            switch (write)
            {
                case RolloutWrite.CreateReplicaSet create:
                    var created = (JsonObject)create.ReplicaSet.DeepClone();
                    var metadata = Obj(created["metadata"]);
                    metadata["creationTimestamp"] = GoTime.Format(Now);
                    metadata["generation"] = 1;
                    Assert.False(replicaSets.ContainsKey(Name(created)), $"{Name(created)} already exists");
                    replicaSets = replicaSets.Add(Name(created), created);
                    break;
                case RolloutWrite.ScaleReplicaSet scale:
                    replicaSets = replicaSets.SetItem(scale.Name, Edit(replicaSets[scale.Name], rs =>
                    {
                        Obj(rs["spec"])["replicas"] = scale.Replicas;
                        Annotations(rs)[ObservedReplicaSet.DesiredReplicasAnnotation] = scale.DesiredReplicasAnnotation.ToString(System.Globalization.CultureInfo.InvariantCulture);
                        Obj(rs["metadata"])["generation"] = (RolloutJson.Long(rs["metadata"]?["generation"]) ?? 1) + 1;
                    }));
                    break;
                case RolloutWrite.AnnotateReplicaSet annotate:
                    replicaSets = replicaSets.SetItem(annotate.Name, Edit(replicaSets[annotate.Name], rs =>
                    {
                        foreach (var (key, value) in annotate.Annotations)
                        {
                            Annotations(rs)[key] = value;
                        }
                    }));
                    break;
                case RolloutWrite.EvictPods:
                    // Pods are the test's own: it says which are left, and which are going.
                    break;
                case RolloutWrite.DeleteReplicaSet delete:
                    Assert.True(replicaSets.ContainsKey(delete.Name));
                    replicaSets = replicaSets.Remove(delete.Name);
                    break;
                case RolloutWrite.PatchServiceSelector patch:
                    services = services.SetItem(patch.Service, Edit(services[patch.Service], service =>
                    {
                        Obj(Obj(service["spec"])["selector"])[ObservedReplicaSet.HashLabel] = patch.Hash;
                        Annotations(service)[RolloutReconcilePass.ManagedByAnnotation] = patch.Rollout;
                    }));
                    break;
                case RolloutWrite.SetRolloutRevision revision:
                    Annotations(rollout)[ObservedReplicaSet.RevisionAnnotation] = revision.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    break;
                case RolloutWrite.SetRolloutReplicas replicas:
                    Obj(rollout["spec"])["replicas"] = replicas.Replicas;
                    Obj(rollout["metadata"])["generation"] = (RolloutJson.Long(rollout["metadata"]?["generation"]) ?? 1) + 1;
                    break;
                case RolloutWrite.WriteRolloutStatus status:
                    rollout["status"] = status.Status.DeepClone();
                    break;
            }
        }

        return (this with { Rollout = rollout, ReplicaSets = replicaSets, Services = services }).Settle();
    }

    /// <summary>The ReplicaSet controller: pods created and, unless broken, ready and available; status.observedGeneration caught up.</summary>
    public TestCluster Settle() => this with
    {
        ReplicaSets = ReplicaSets.ToImmutableSortedDictionary(pair => pair.Key, pair => Edit(pair.Value, rs =>
        {
            var replicas = RolloutJson.Int(rs["spec"]?["replicas"]) ?? 1;
            var up = BrokenHashes.Contains(ObservedReplicaSet.Read(rs).Hash) ? 0 : replicas;
            rs["status"] = new JsonObject
            {
                ["replicas"] = replicas,
                ["readyReplicas"] = up,
                ["availableReplicas"] = up,
                ["observedGeneration"] = RolloutJson.Long(rs["metadata"]?["generation"]) ?? 1,
            };
        })),
    };

    /// <summary>A new spec, as kubectl apply or Argo CD would make it: the change, and metadata.generation one higher.</summary>
    public TestCluster WithSpec(Action<JsonObject> change) => this with
    {
        Rollout = Edit(Rollout, rollout =>
        {
            change(Obj(rollout["spec"]));
            Obj(rollout["metadata"])["generation"] = (RolloutJson.Long(rollout["metadata"]?["generation"]) ?? 1) + 1;
        }),
    };

    public TestCluster WithImage(string image) =>
        WithSpec(spec => Obj(spec["template"]?["spec"]?["containers"]?[0])["image"] = image);

    /// <summary>A status patch, as the kubectl plugin makes one (promote, abort, retry, promote --full).</summary>
    public TestCluster WithStatus(Action<JsonObject> change) => this with
    {
        Rollout = Edit(Rollout, rollout =>
        {
            var status = rollout["status"] as JsonObject ?? [];
            rollout["status"] = status;
            change(status);
        }),
    };

    public TestCluster Broken(string hash) => this with { BrokenHashes = BrokenHashes.Add(hash) };

    public TestCluster At(DateTimeOffset now) => this with { Now = now };

    public JsonObject ReplicaSet(string hash) => ReplicaSets[$"web-{hash}"];

    public int Replicas(string hash) => ReplicaSets.TryGetValue($"web-{hash}", out var rs) ? RolloutJson.Int(rs["spec"]?["replicas"]) ?? 1 : -1;

    public string ServiceHash(string name) => RolloutJson.Text(Services[name]["spec"]?["selector"]?[ObservedReplicaSet.HashLabel]);

    public string TemplateHash =>
        PodTemplateHash.Compute(Observe().Spec.Template, RolloutJson.Int(Status["collisionCount"])) is PodTemplateHashOutcome.Computed computed
            ? computed.Hash
            : throw new InvalidOperationException("template not hashable");

    private static string Name(JsonObject rs) => RolloutJson.Text(rs["metadata"]?["name"]);

    private static JsonObject Annotations(JsonObject obj)
    {
        var metadata = Obj(obj["metadata"]);
        if (metadata["annotations"] is not JsonObject annotations)
        {
            annotations = [];
            metadata["annotations"] = annotations;
        }

        return annotations;
    }

    public static JsonObject Obj(JsonNode? node) => node as JsonObject ?? throw new InvalidOperationException("not an object");

    private static JsonObject Edit(JsonObject obj, Action<JsonObject> change)
    {
        var copy = (JsonObject)obj.DeepClone();
        change(copy);
        return copy;
    }
}
