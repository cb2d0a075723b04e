using ServerlessDeploy.LocalCluster.Admission;
using ServerlessDeploy.LocalCluster.Api;
using ServerlessDeploy.LocalCluster.Auth;
using ServerlessDeploy.LocalCluster.Controllers;
using ServerlessDeploy.LocalCluster.Faults;
using ServerlessDeploy.LocalCluster.Observability;
using ServerlessDeploy.LocalCluster.Controllers.Simulation;
using ServerlessDeploy.LocalCluster.Verbs;

namespace ServerlessDeploy.LocalCluster.Hosting;

/// <summary>The composition root of one server instance: state, verbs, controllers and the HTTP router, wired once.</summary>
internal sealed class ClusterServices
{
    public ClusterServices(LocalClusterOptions options, TimeProvider time, TextWriter log, Func<string> serverAddress)
    {
        Options = options;
        State = new ClusterState(time);
        var reactions = new Reactions(State);
        var admission = new Admission.Admission(new KindDefaults());
        var update = new StoredUpdate(State, reactions);
        var delete = new DeleteVerb(State, reactions);
        Verbs = new ResourceVerbs(
            new CreateVerb(State, admission, reactions),
            new UpdateVerb(State, admission, update),
            new PatchVerb(State, admission, update),
            new ApplyVerb(State, admission, reactions),
            delete,
            new ScaleVerb(State, admission, update),
            new EvictVerb(State, delete));
        Controllers = new ControllerManager(State, log, [new NamespaceController(State, Verbs.Delete), new GarbageCollector(State, Verbs.Delete), .. SimulatedControllers.Create(State, Verbs, options, log)]);
        Faults = new FaultInjector(options.Faults ?? [], options.FaultSeed is { } seed ? new Random(seed) : new Random(), time);
        Router = new ApiRouter(State, new BearerTokenCheck(options, time), new ResourceHandler(State, Verbs), Requests, Faults, serverAddress, options.AggregatedDiscovery);
    }

    public LocalClusterOptions Options { get; }

    /// <summary>The namespaces every cluster starts with.</summary>
    public void CreateSystemNamespaces()
    {
        var namespaces = State.Registry.BuiltIn("", "v1", "namespaces");
        foreach (var name in new[] { "default", "kube-system", "kube-public", "kube-node-lease" })
        {
            var ns = new System.Text.Json.Nodes.JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new System.Text.Json.Nodes.JsonObject { ["name"] = name } };
            Verbs.Create.Create(namespaces, null, ns, new WriteOptions(false, "kube-apiserver", "Strict", false) { Manager = "kube-apiserver" });
        }
    }

    public ClusterState State { get; }

    public ResourceVerbs Verbs { get; }

    public ControllerManager Controllers { get; }

    public ApiRouter Router { get; }

    public RequestCounters Requests { get; } = new();

    public FaultInjector Faults { get; }
}
