using ServerlessDeploy.LocalCluster.Admission;
using ServerlessDeploy.LocalCluster.Api;
using ServerlessDeploy.LocalCluster.Auth;
using ServerlessDeploy.LocalCluster.Controllers;
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
        Verbs = new ResourceVerbs(
            new CreateVerb(State, admission, reactions),
            new UpdateVerb(State, admission, reactions),
            new PatchVerb(State, admission, reactions),
            new DeleteVerb(State, reactions));
        Controllers = new ControllerManager(State, log, [new NamespaceController(State, Verbs.Delete), new GarbageCollector(State, Verbs.Delete), .. SimulatedControllers.Create(State, Verbs, options, log)]);
        Router = new ApiRouter(State, new BearerTokenCheck(options, time), new ResourceHandler(State, Verbs), serverAddress);
    }

    public LocalClusterOptions Options { get; }

    public ClusterState State { get; }

    public ResourceVerbs Verbs { get; }

    public ControllerManager Controllers { get; }

    public ApiRouter Router { get; }
}
