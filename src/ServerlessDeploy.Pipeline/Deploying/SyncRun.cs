using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Pipeline.State;

namespace ServerlessDeploy.Pipeline.Deploying;

/// <summary>One sync the deployer runs (a new one, or a waiting one woken): the app, where its source is checked out, what it deploys, who asked.</summary>
internal sealed record SyncRun(Application Application, AppProject Project, AppState State, string Root, DeployTarget Target, string Initiator, string Message);
