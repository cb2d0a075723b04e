using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Core.Cluster;
using ServerlessDeploy.Core.Engine;
using ServerlessDeploy.Core.Rendering;
using ServerlessDeploy.Core.Rollouts;
using ServerlessDeploy.Core.Sources;
using ServerlessDeploy.Core.Sync.Cursor;
using ServerlessDeploy.Pipeline.Config;
using ServerlessDeploy.Pipeline.Images;
using ServerlessDeploy.Pipeline.Notifications;
using ServerlessDeploy.Pipeline.State;
using ServerlessDeploy.Pipeline.Timers;
using ServerlessDeploy.State;

namespace ServerlessDeploy.Pipeline.Deploying;

/// <summary>
/// Carries out one deploy request under the app's lease: decides the commit (never an ancestor of the deployed one
/// unless it is a rollback), runs the sync engine with the invocation's deadline, records status and history, and
/// notifies. A redelivered request is recognised by its id and not carried out twice. A sync that must wait (a health
/// gate past the deadline) is saved as a cursor with a booked wake-up (<see cref="WakeAsync"/> continues it); a newer
/// deployment of the app supersedes it. A Rollout that waits for a person is looked at again with a backoff, and an
/// action on one (the kubectl plugin's patches, <see cref="RolloutActor"/>) is applied and driven at once.
/// </summary>
public sealed partial class Deployer(
    ConfigRepository config,
    ISourceRepository sources,
    DeployerStore store,
    IClusterConnector clusters,
    IManifestRenderer renderer,
    CompositeNotifier notifier,
    ImageUpdater images,
    PipelineSettings settings,
    TimeProvider time,
    SyncWaits waits)
{
    /// <summary>Notices go out after the status is recorded; one that fails is recorded, never thrown.</summary>
    private Notices Notices => new(notifier, store.Writes, time);

    /// <param name="deadline">When the host must answer (the Lambda deadline); null for no limit.</param>
    public Task<DeployOutcome> DeployAsync(DeployRequest request, DateTimeOffset? deadline, CancellationToken cancellationToken) =>
        DeployAsync(request, null, deadline, cancellationToken);

    /// <summary>One call per step: idempotency, lease, then (under it) target, compare-only policy, run, record and notify.</summary>
    /// <param name="source">The app's source for this request only (a CodePipeline input artifact), deployed instead of its
    /// repository; null means the repository.</param>
    /// <param name="deadline">When the host must answer (the Lambda deadline); null for no limit.</param>
    public async Task<DeployOutcome> DeployAsync(DeployRequest request, ISourceRepository? source, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await RepeatedAsync(request, deadline, cancellationToken)
            ?? await UnderLeaseAsync(request.App, $"deploy:{request.DeploymentId}", async () =>
            {
                var outcome = await DeployLockedAsync(request, source ?? sources, deadline, cancellationToken);
                await MarkDoneAsync(request, outcome, cancellationToken);
                return outcome;
            }, cancellationToken);
    }

    private async Task<DeployOutcome> DeployLockedAsync(DeployRequest request, ISourceRepository source, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        var snapshot = await config.LoadAsync(request.ConfigCommit, cancellationToken);
        if (request.Reason == DeployReason.Removed)
        {
            return snapshot.Find(request.App) is null
                ? await RemoveAsync(request.App, cancellationToken)
                : DeployOutcome.Skipped($"{request.App}: the Application is back in the config repository; nothing removed");
        }

        if (snapshot.Find(request.App) is not { } configured)
        {
            return DeployOutcome.NotFound($"application '{request.App}' is not in the config repository {snapshot.RepoUrl}@{Revisions.Abbreviate(snapshot.Commit)}");
        }

        var app = configured.Application;
        var state = (await store.Reads.GetAppAsync(app.Name, cancellationToken) ?? AppState.New(app.Name)) with { Manifest = configured.Manifest };
        if (snapshot.ProjectOf(app) is not { } project)
        {
            return await FailAsync(state, request, $"spec.project: project '{app.Project}' is not defined in {settings.ProjectsPath}/", cancellationToken);
        }

        if (request is { Reason: DeployReason.RolloutAction, RolloutAction: { } action })
        {
            return await ActAsync(request, action, app, state, deadline, cancellationToken);
        }

        (var target, state) = await TargetAsync(request, source, app, state, cancellationToken);
        if (target.Refusal is { } refusal)
        {
            return request.Reason == DeployReason.Rollback ? await FailAsync(state, request, refusal, cancellationToken) : DeployOutcome.Skipped($"{app.Name}: {refusal}");
        }

        var root = await CheckoutAsync(source, app, target.Revision, cancellationToken);
        var connection = Connect(app);
        if (!connection.IsConnected)
        {
            return await FailAsync(state, request, connection.Problem, cancellationToken);
        }

        if (Chosen(app, request.Choices) is { Problem: { } problem })
        {
            return await FailAsync(state, request, problem, cancellationToken);
        }

        app = Chosen(app, request.Choices).Application;
        var engine = new SyncEngine(connection.Client, renderer, time, scope: connection.Scope);
        var decision = await DecideAsync(request, app, state, engine, root, target, cancellationToken);
        return decision.Answer ?? await StartAsync(request, new SyncRun(app, project, state, root, target, request.Initiator, "", Stages(request)), engine, decision.Compared, deadline, cancellationToken);
    }

    /// <summary>
    /// A new sync: its cursor is written over the app's current one at the version read, which supersedes a sync that
    /// waits. <paramref name="compared"/> is the policy's comparison when it decided to self-heal (not made again).
    /// </summary>
    private async Task<DeployOutcome> StartAsync(
        DeployRequest request, SyncRun run, SyncEngine engine, ApplicationComparison? compared, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        var previous = await waits.CurrentAsync(run.Application.Name, cancellationToken);
        var syncRequest = new SyncRequest(
            Prune: run.Application.SyncPolicy.Automated?.Prune ?? false,
            HealthTimeout: settings.HealthTimeout,
            StopBy: deadline - settings.DeadlineMargin,
            Checkpoint: waits.Checkpoint(previous?.Version))
        {
            DeploymentId = request.DeploymentId,
            FirstVersion = (previous?.Version ?? 0) + 1,
            LookAgainAfter = settings.ContinueAfter,
            Compared = compared,
        };
        if (request.Choices is { DryRun: true } choices)
        {
            return await DryRunAsync(run, engine, Chosen(syncRequest, choices), cancellationToken);
        }

        var superseding = previous is { IsFinished: false } ? $"; supersedes sync {previous.Id} ({previous.Current?.Name})" : "";
        var message = $"syncing to {Revisions.Abbreviate(run.Target.Revision)} ({request.Reason}){superseding}";
        return await RunAsync(run with { Message = message }, engine, Chosen(syncRequest, request.Choices), cancellationToken);
    }

    /// <summary>The request's stage times so far (event, routed, queued) and now, when its sync starts, with its trigger and messages.</summary>
    private OperationStages Stages(DeployRequest request) =>
        new(request.ReceivedAt, request.RequestedAt, request.QueuedAt, time.GetUtcNow(), null, [], TriggerKinds.Of(request), request.EventMessageId, request.DeployMessageId, request.Receives);

    /// <summary>Runs the engine, then records what came of it: a wait (wake-up booked), a supersession, or the end.</summary>
    private async Task<DeployOutcome> RunAsync(SyncRun run, SyncEngine engine, SyncRequest syncRequest, CancellationToken cancellationToken)
    {
        var startedAt = syncRequest.Cursor?.StartedAt ?? time.GetUtcNow();
        var state = run.State with { Phase = OperationPhase.Running, StartedAt = startedAt, FinishedAt = null, Message = run.Message, Stages = run.Stages, Waiting = null };
        await store.Writes.PutAppAsync(state, cancellationToken);
        var result = await engine.SyncAsync(run.Application, run.Project, run.Root, run.Target.Revision, syncRequest, run.Target.ImageOverrides, cancellationToken);
        if (result.Unreadable is { } unreadable)
        {
            return await AskAgainAsync(run.Application.Name, unreadable, cancellationToken);
        }

        state = state with { Stages = Staged(run.Stages, result) };
        if (result.IsSuperseded)
        {
            return DeployOutcome.Skipped($"{run.Application.Name}: {result.Message}");
        }

        // Where the sync's Rollout transitions were made: this deployment, from the cursor version this run began at.
        var madeBy = $"sync {syncRequest.DeploymentId}@{syncRequest.Cursor?.Version ?? syncRequest.FirstVersion}";
        return result.IsWaiting && result.Cursor.Wait is { } wait
            ? await RecordWaitAsync(run, state, result, result.Cursor, wait, madeBy, cancellationToken)
            : await RecordAsync(run, state, result, startedAt, madeBy, cancellationToken);
    }

    /// <summary>The stages with the cursor's step times, and done when the sync ended (not while it waits).</summary>
    private OperationStages Staged(OperationStages stages, SyncResult result) => stages with
    {
        Steps = result.Cursor?.Steps.Select(s => new StepStage(s.Name, s.StartedAt, s.EndedAt)).ToList() ?? stages.Steps,
        DoneAt = result.IsWaiting || result.IsSuperseded ? null : time.GetUtcNow(),
    };

    /// <summary>
    /// The destination's cluster, or why there is none, naming the field: a destination no configured cluster matches is a
    /// failed sync, never a retry (asking again finds none either).
    /// </summary>
    private ClusterConnection Connect(Application app)
    {
        var connection = clusters.Connect(app.Destination);
        return connection.IsConnected ? connection : ClusterConnection.Unknown($"spec.destination: {connection.Problem}");
    }
}
