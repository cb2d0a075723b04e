using System.Security.Cryptography;
using System.Text;
using ServerlessDeploy.Aws.CodePipeline;
using ServerlessDeploy.Functions.Hosting;
using ServerlessDeploy.Lambda.Runtime;
using ServerlessDeploy.Lambda.Runtime.Events;
using ServerlessDeploy.Pipeline.Deploying;

namespace ServerlessDeploy.Functions.CodePipeline;

/// <summary>
/// The CodePipeline invoke action: reads the job, deploys the app its UserParameters name (from Git, or from the job's
/// input artifact), and ends the job. A sync still waiting for health, or an app whose lease is busy, ends the job with
/// a continuation token (the deployment id), so CodePipeline invokes the action again and the deployer resumes the same
/// deployment. The job's artifact credentials are only handed to S3; nothing logged carries them.
/// </summary>
internal sealed class CodePipelineFunction : IFunctionHandler
{
    private static readonly byte[] NoResponse = "{}"u8.ToArray();

    private readonly Deployer _deployer;
    private readonly CodePipelineJobs _jobs;
    private readonly JobArtifacts _artifacts;
    private readonly JsonLog _log;
    private readonly TimeProvider _time;

    public CodePipelineFunction(Deployer deployer, CodePipelineJobs jobs, JobArtifacts artifacts, JsonLog log, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(deployer);
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(artifacts);
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(time);
        _deployer = deployer;
        _jobs = jobs;
        _artifacts = artifacts;
        _log = log;
        _time = time;
    }

    public async Task<byte[]> HandleAsync(Invocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var requestId = invocation.Context.RequestId;
        if (await ReadJobAsync(invocation, cancellationToken) is not { } job)
        {
            return NoResponse;
        }

        var parameters = ActionParametersReader.Read(job.Data.ActionConfiguration.Configuration.UserParameters, out var problem);
        if (parameters is null || DeploymentId(job, out problem) is not { } deploymentId)
        {
            await FailAsync(requestId, job.Id, problem, cancellationToken);
            return NoResponse;
        }

        var request = new DeployRequest(
            parameters.App, DeployReason.Manual, parameters.Revision, deploymentId, _time.GetUtcNow(), $"codepipeline:{job.Id}",
            ImageOverrides: parameters.Image is { } image ? [image] : null);
        _log.Info(requestId, $"codepipeline: job {job.Id} deploys {request.App} (deployment {deploymentId[..12]}{(job.Data.ContinuationToken is null ? "" : ", continued")})");
        using var folder = parameters.FromArtifact ? new ArtifactFolder() : null;
        ArtifactSource? source = null;
        if (folder is not null)
        {
            try
            {
                source = await _artifacts.UnpackAsync(job, folder.Path, cancellationToken);
            }
            catch (InvalidArtifactException e)
            {
                await FailAsync(requestId, job.Id, $"{request.App}: {e.Message}", cancellationToken);
                return NoResponse;
            }
        }

        var outcome = await _deployer.DeployAsync(request, source, invocation.Context.Deadline, cancellationToken);
        await ReportAsync(requestId, job.Id, deploymentId, outcome, cancellationToken);
        return NoResponse;
    }

    /// <summary>
    /// The job, or null once a job whose id can be read but whose event is malformed was failed. Without a readable id
    /// no job result can be sent, so the invocation fails instead (CodePipeline then ends the job at its timeout).
    /// </summary>
    private async Task<CodePipelineJob?> ReadJobAsync(Invocation invocation, CancellationToken cancellationToken)
    {
        try
        {
            return CodePipelineJobEvent.Parse(invocation.Event).Job;
        }
        catch (LambdaEventFormatException e) when (CodePipelineJobEvent.ReadJobId(invocation.Event) is { } jobId)
        {
            await FailAsync(invocation.Context.RequestId, jobId, $"the job event is malformed: {e.Message}", cancellationToken);
            return null;
        }
        catch (LambdaEventFormatException e)
        {
            throw new LambdaEventFormatException($"codepipeline: no job id can be read, so no job result can be sent and CodePipeline ends the job at its timeout. {e.Message}", e);
        }
    }

    private async Task ReportAsync(string requestId, string jobId, string deploymentId, DeployOutcome outcome, CancellationToken cancellationToken)
    {
        // The job's result is the deployment's; a notice that could not be sent is only logged (and kept on the app's status).
        if (outcome.Notice is { } notice)
        {
            _log.Warn(requestId, $"codepipeline: job {jobId}: {notice.Describe()}");
        }

        switch (outcome.Kind)
        {
            case DeployOutcomeKind.Failed or DeployOutcomeKind.NotFound:
                await FailAsync(requestId, jobId, outcome.Message, cancellationToken);
                break;
            case DeployOutcomeKind.Waiting or DeployOutcomeKind.Retry:
                // CodePipeline invokes the action again with the token; its own action timeout bounds the waiting.
                _log.Info(requestId, $"codepipeline: job {jobId} continues ({outcome.Kind}): {outcome.Message}");
                await _jobs.PutJobSuccessResultAsync(jobId, deploymentId, null, cancellationToken);
                break;
            default:
                _log.Info(requestId, $"codepipeline: job {jobId} succeeded ({outcome.Kind}): {outcome.Message}");
                await _jobs.PutJobSuccessResultAsync(jobId, null, null, cancellationToken);
                break;
        }
    }

    private async Task FailAsync(string requestId, string jobId, string message, CancellationToken cancellationToken)
    {
        _log.Error(requestId, $"codepipeline: job {jobId} failed: {message}");
        await _jobs.PutJobFailureResultAsync(jobId, message, cancellationToken);
    }

    /// <summary>
    /// The first invocation derives the id from the job, so Lambda retrying that invocation deploys nothing twice; a
    /// continued job (a new job id) carries the id back as its continuation token, so the deployer resumes it.
    /// </summary>
    private static string? DeploymentId(CodePipelineJob job, out string problem)
    {
        problem = "";
        if (job.Data.ContinuationToken is not { } token)
        {
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"codepipeline\n{job.Id}")));
        }

        if (token.Length == 64 && token.All(char.IsAsciiHexDigitLower))
        {
            return token;
        }

        problem = "the continuation token is not one this action returned";
        return null;
    }
}
