using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.State;

namespace ServerlessDeploy.Pipeline.Deploying;

/// <summary>One sync the deployer runs (a new one, or a waiting one woken): the app, where its source is checked out, what it deploys, who asked.</summary>
/// <param name="Stages">The operation's stages so far: the request's times for a new sync, the recorded ones for a woken sync.</param>
internal sealed record SyncRun(Application Application, AppProject Project, AppState State, string Root, DeployTarget Target, string Initiator, string Message, OperationStages Stages);
